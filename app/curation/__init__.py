"""Campaign curation: submissions in (chain, folder, ZIP, library), judging rounds, winners and payouts."""
