"""Regenerate docs/article.svg: the Article screen on a seed, with a tag, a note and a figure selected.

    python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from store.annotations import set_note, tag_paragraph
from store.bundled import seeds_dir
from store.db import open_db
from store.load import load_paths
from tui.app import TearsheetApp

OUT = Path(__file__).resolve().parent / "article.svg"


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "shot.db")
        load_paths(db, [seeds_dir()])
        doc = db.execute("select id from documents where stem like '000%'").fetchone()[0]
        first, toll = (db.execute("select id from paragraphs where doc_id = ? and n = ?", [doc, n]).fetchone()[0] for n in (1, 19))
        tag_paragraph(db, first, ["casualties"])
        tag_paragraph(db, toll, ["casualties", "mediazona"])
        set_note(db, toll, "Compare with the MoD's own figure")
        app = TearsheetApp(db, resume=False)
        async with app.run_test(size=(110, 34)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.press("G", "enter")
            await pilot.pause()
            await pilot.press(*"j" * 18, "x")
            await pilot.pause(0.5)
            app.save_screenshot(filename=OUT.name, path=str(OUT.parent))
        db.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
