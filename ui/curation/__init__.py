"""The Curation workspace (staff only): a campaign's submissions as a fast gallery, judged in rounds by several
judges, down to the winners."""
