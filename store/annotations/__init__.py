"""Tags and notes on paragraphs and figures, re-anchored when articles are loaded again."""
