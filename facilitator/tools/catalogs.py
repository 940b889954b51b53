"""Extract the translatable strings into translations/messages.pot and update the catalogs.

    python -m facilitator.tools.catalogs          # extract + update fr, es, ar, ru

New strings arrive in the catalogs untranslated; ../shared/tools/catalog_check.py (and the test
suite) then fails until every one is translated.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "gettext_in": (2,),
    "ngettext_in": (2, 3),
}
TARGETS = ("fr", "es", "ar", "ru")


def extract() -> Catalog:
    catalog = Catalog(project="Facilitator", msgid_bugs_address="", charset="utf-8")
    method_map = [("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT / "facilitator"), method_map=method_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        catalog.add(
            message,
            None,
            [(f"facilitator/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def update(template: Catalog, lang: str) -> Path:
    po = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    if po.exists():
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
    else:
        catalog = Catalog(locale=lang, project="Facilitator", charset="utf-8")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.fuzzy = False
    catalog.obsolete.clear()
    with po.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False, no_location=True)
    return po


def main() -> int:
    template = extract()
    with (ROOT / "translations" / "messages.pot").open("wb") as fh:
        write_po(fh, template, width=100, no_location=False)
    for lang in TARGETS:
        update(template, lang)
    print(f"{len(template)} messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
