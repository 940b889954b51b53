"""The moderator's timer, agenda, speakers queue and stage window."""
