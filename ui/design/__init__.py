"""The Design studio workspace: prompt and controls, live preview, variations, lineage and the job queue."""
