"""The SQLite file: schema, migrations, repository. Qt-free; all SQL of the app lives here."""

from .database import Database, FileReport, check_file, copy_file, create_file, open_file, probe

__all__ = ["Database", "FileReport", "check_file", "copy_file", "create_file", "open_file", "probe"]
