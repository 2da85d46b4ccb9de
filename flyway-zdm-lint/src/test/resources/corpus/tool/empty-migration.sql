-- The ALTER meant for this file was never saved: only this comment reached the repository.

-- expect-line 1: empty-migration
