"""The `facilitator` command: opens the app, or runs a headless subcommand for scripts.

Every failure is one translated line on stderr and a non-zero exit; tracebacks go to the log.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from facilitator import __version__, settings
from facilitator.app import bundled, file_ops
from facilitator.errors import FacilitatorError
from facilitator.i18n import (
    LANGUAGES,
    _,
    ngettext,
    normalize_language,
    set_language,
    system_language,
)
from facilitator.logs import log_exception

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXPORT_FORMATS = ("pdf", "docx", "md", "csv", "xlsx", "json", "json-shared")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not the usage block
        self.exit(
            EXIT_USAGE,
            _("facilitator: {message} (see 'facilitator --help')").format(message=message) + "\n",
        )


def _install_argparse_translations() -> None:
    # argparse looks up its module-level `_` and `ngettext` at call time.
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def choose_language(argv: Sequence[str]) -> str:
    """--lang on the command line, else the saved preference, else the system's language."""
    for n, arg in enumerate(argv):
        value = None
        if arg == "export":  # from here on --lang is the export's language
            break
        if arg == "--lang" and n + 1 < len(argv):
            value = argv[n + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None:
            return normalize_language(value) or "en"
    return normalize_language(settings.language()) or system_language()


def build_parser() -> argparse.ArgumentParser:
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument(
        "--lang", choices=LANGUAGES, help=_("interface language (en, fr, es, ar, ru)")
    )
    parser = _Parser(
        prog="facilitator",
        parents=[lang],
        description=_("Run and record structured consultations, offline."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"facilitator {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument("--demo", action="store_true", help=_("open the bundled demo series"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)

    opn = sub.add_parser("open", parents=[lang], help=_("open a file in the app (the default)"))
    opn.add_argument("file", nargs="?", help=_("a Facilitator file to open in the app"))
    opn.add_argument("--demo", action="store_true", help=_("open the bundled demo series"))

    new = sub.add_parser("new", parents=[lang], help=_("create a new file from a template"))
    new.add_argument("file", help=_("the file to create"))
    new.add_argument(
        "--template",
        choices=list(bundled.TEMPLATES),
        default="gcm-talk",
        help=_("what the new file starts with (default: gcm-talk)"),
    )

    imp = sub.add_parser("import", parents=[lang], help=_("import a series from JSON into a file"))
    imp.add_argument("file", help=_("the Facilitator file (created when missing)"))
    imp.add_argument("source", help=_("the series JSON file to read"))

    # After `export`, --lang is the language of the export (the interface language is the one
    # given before the command, else the saved or system one).
    exp = sub.add_parser("export", help=_("export a file's series or a report"))
    exp.add_argument("file", help=_("the Facilitator file to read"))
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="json", help=_("output format"))
    exp.add_argument(
        "--lang",
        dest="export_lang",
        choices=LANGUAGES,
        help=_("language of the export (en, fr, es, ar, ru)"),
    )
    exp.add_argument("--session", help=_("only this session: its id or its number (1, 2, ...)"))
    exp.add_argument("-o", "--output", required=True, help=_("the file to write"))
    exp.add_argument(
        "--template",
        choices=("public", "internal"),
        default="public",
        help=_(
            "what a report holds: the public summary (default) or the internal record with "
            "timing, speaking time and attendance"
        ),
    )

    exp.add_argument(
        "--require-translations",
        action="store_true",
        help=_(
            "refuse to write when a text has no version in the export language (by default "
            "the original is printed and the texts are listed)"
        ),
    )

    chk = sub.add_parser(
        "check", parents=[lang], help=_("check that a file is a healthy Facilitator file")
    )
    chk.add_argument("file", help=_("the file to check"))

    mrg = sub.add_parser(
        "merge", parents=[lang], help=_("merge colleagues' files into one (all or none)")
    )
    mrg.add_argument("target", help=_("the file to merge into (created when missing)"))
    mrg.add_argument("sources", nargs="+", metavar=_("SOURCE"), help=_("the files to merge in"))
    mrg.add_argument(
        "--allow-other-series",
        action="store_true",
        help=_("also merge files of another series, adding their sessions side by side"),
    )
    return parser


COMMANDS = ("open", "new", "import", "export", "check", "merge")


def _default_to_open(argv: list[str]) -> list[str]:
    """`facilitator FILE` means `facilitator open FILE`."""
    skip = False
    for n, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return argv if arg in COMMANDS else argv[:n] + ["open"] + argv[n:]
    return argv


def run(args: argparse.Namespace) -> int:
    if args.command == "new":
        file_ops.new_from_template(args.file, args.template)
        print(_("Created {path}.").format(path=args.file))
    elif args.command == "import":
        content = file_ops.import_json(args.file, args.source)
        print(
            ngettext(
                "Imported the series “{title}” with {count} session into {path}.",
                "Imported the series “{title}” with {count} sessions into {path}.",
                len(content.sessions),
            ).format(title=content.series.title, count=len(content.sessions), path=args.file)
        )
        notice = file_ops.redaction_notice(args.source)
        if notice:
            print(notice, file=sys.stderr)
    elif args.command == "export":
        from facilitator.i18n import get_language

        lang = args.export_lang or get_language()
        written = file_ops.export_path(
            args.file,
            args.format,
            args.output,
            lang,
            args.session,
            template=args.template,
            require_translations=args.require_translations,
            on_missing=lambda text: print(text, file=sys.stderr),
        )
        from facilitator.i18n.lists import comma_join

        print(_("Wrote {path}.").format(path=comma_join(str(p) for p in written)))
    elif args.command == "check":
        from facilitator.storage import check_file

        report = check_file(args.file)
        print(
            _(
                "{path}: a healthy Facilitator file (file format {version}, integrity {integrity}); "
                "series “{title}”, {sessions}."
            ).format(
                path=args.file,
                version=report.schema_version,
                integrity=report.integrity,
                title=report.series_title,
                sessions=ngettext("{count} session", "{count} sessions", report.sessions).format(
                    count=report.sessions
                ),
            )
        )
    elif args.command == "merge":
        from facilitator.cli.merge_command import describe, merge_paths

        reports = merge_paths(args.target, args.sources, allow_other_series=args.allow_other_series)
        print("\n".join(describe(args.target, reports)))
        print(_("Merged into {path}.").format(path=args.target))
    else:
        from facilitator.ui.launch import run_app

        return run_app(file=getattr(args, "file", None), demo=args.demo)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        set_language(choose_language(argv))
        _install_argparse_translations()
        args = build_parser().parse_args(_default_to_open(argv))
        return run(args)
    except FacilitatorError as error:
        print(_("facilitator: {message}").format(message=error), file=sys.stderr)
        return EXIT_ERROR
    except sqlite3.Error as error:  # a file SQLite could not read past the first checks
        print(
            _(
                "facilitator: the file could not be read ({detail}); restore a backup or ask for a new copy."
            ).format(detail=error),
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line for the user, the traceback in the log
        where = log_exception(error)
        print(
            _("facilitator: unexpected error ({kind}); details are in {log}.").format(
                kind=type(error).__name__, log=where
            ),
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
