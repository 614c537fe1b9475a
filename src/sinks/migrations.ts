// Forward-only schema migrations for leaders.db; PRAGMA user_version is the index of the last one applied.
// Never edit a shipped migration: append a new one.

export const migrations: readonly string[] = [
  // 1: the initial schema.
  `
  CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    parser_version TEXT NOT NULL,
    options        TEXT NOT NULL,
    sources        INTEGER,
    written        INTEGER,
    unchanged      INTEGER,
    rejected       INTEGER,
    missing        INTEGER,
    pruned         INTEGER
  );

  CREATE TABLE sources (
    path           TEXT PRIMARY KEY,
    sha256         TEXT,
    bytes          INTEGER,
    format         TEXT,
    status         TEXT NOT NULL CHECK (status IN ('written', 'unchanged', 'rejected')),
    leader_id      TEXT,
    parser_version TEXT NOT NULL,
    last_seen_run  INTEGER NOT NULL REFERENCES runs(id)
  );
  CREATE INDEX sources_last_seen_run ON sources(last_seen_run);

  CREATE TABLE leaders (
    key               INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    role_text         TEXT,
    role_title        TEXT,
    role_organization TEXT,
    bio               TEXT,
    appearances       INTEGER,
    summary           TEXT,
    source_path       TEXT NOT NULL REFERENCES sources(path) ON DELETE CASCADE,
    source_sha256     TEXT NOT NULL,
    parser_version    TEXT NOT NULL,
    record_version    INTEGER NOT NULL,
    record            TEXT NOT NULL,
    updated_run       INTEGER NOT NULL REFERENCES runs(id)
  );
  CREATE INDEX leaders_source_path ON leaders(source_path);

  CREATE TABLE archetypes (
    leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (leader_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE dimensions (
    leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    key       TEXT NOT NULL,
    name      TEXT NOT NULL,
    score     INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    PRIMARY KEY (leader_id, position)
  ) WITHOUT ROWID;
  CREATE INDEX dimensions_key_score ON dimensions(key, score);

  CREATE TABLE themes (
    leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (leader_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE principles (
    leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (leader_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE quotes (
    leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    text      TEXT NOT NULL,
    context   TEXT,
    PRIMARY KEY (leader_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE diagnostics (
    id          INTEGER PRIMARY KEY,
    source_path TEXT NOT NULL REFERENCES sources(path) ON DELETE CASCADE,
    severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    rule        TEXT NOT NULL,
    message     TEXT NOT NULL,
    line        INTEGER NOT NULL,
    "column"    INTEGER NOT NULL,
    end_line    INTEGER,
    end_column  INTEGER,
    field       TEXT
  );
  CREATE INDEX diagnostics_source_path ON diagnostics(source_path);

  -- rowid = leaders.key. The writer inserts the row with the leader; deleting a leader (directly or by
  -- cascade from its source) removes it here.
  CREATE VIRTUAL TABLE leaders_fts USING fts5(
    name, role, bio, summary, themes, principles, quotes,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER leaders_fts_delete AFTER DELETE ON leaders BEGIN
    DELETE FROM leaders_fts WHERE rowid = old.key;
  END;

  -- Set when leaders change, cleared once leaders.ndjson and leaders/ match the table again.
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
  `,
  // 2: the pipeline config a source was parsed with, so a config change re-parses it.
  `
  ALTER TABLE sources ADD COLUMN config_sha256 TEXT;
  `,
  // 3: how long the source's last parse took (ms, in its worker), for the run report's slowest pages.
  `
  ALTER TABLE sources ADD COLUMN parse_ms REAL;
  `,
  // 4: inputs the latest run's folder walk skipped (links outside the inputs, dangling links …), which
  // are not sources; kept so the run report can be rebuilt from the database alone.
  `
  CREATE TABLE skipped_inputs (
    run      INTEGER NOT NULL REFERENCES runs(id),
    path     TEXT NOT NULL,
    rule     TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    message  TEXT NOT NULL
  );
  `,
  // 5: a leader whose source turned invalid keeps its last good record, marked stale by the run that
  // found the source invalid; it goes when the source is fixed (a fresh row) or with --prune.
  `
  ALTER TABLE leaders ADD COLUMN stale_run INTEGER;
  `,
  // 6: full-text search in the convention sqlite-utils and Datasette detect: leaders_fts indexes the
  // leaders table itself (content="leaders", rowid = key) and keeps no copy of the text. Triggers take
  // deleted and updated rows out; the writer indexes the rows it inserts once per transaction, in bulk
  // (LeaderStore.flushSearch). themes, principles and quotes become text columns of leaders to index.
  `
  DROP TRIGGER leaders_fts_delete;
  DROP TABLE leaders_fts;
  ALTER TABLE leaders ADD COLUMN themes TEXT;
  ALTER TABLE leaders ADD COLUMN principles TEXT;
  ALTER TABLE leaders ADD COLUMN quotes TEXT;
  UPDATE leaders SET
    themes = (SELECT group_concat(value, char(10)) FROM json_each(record, '$.themes')),
    principles = (SELECT group_concat(value, char(10)) FROM json_each(record, '$.principles')),
    quotes = (SELECT group_concat(coalesce(json_extract(value, '$.text') || char(10) || json_extract(value, '$.context'), json_extract(value, '$.text')), char(10))
              FROM json_each(record, '$.quotes'));
  CREATE VIRTUAL TABLE leaders_fts USING fts5(
    name, role_text, bio, summary, themes, principles, quotes,
    content="leaders", content_rowid="key",
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER leaders_ad AFTER DELETE ON leaders BEGIN
    INSERT INTO leaders_fts (leaders_fts, rowid, name, role_text, bio, summary, themes, principles, quotes)
    VALUES ('delete', old.key, old.name, old.role_text, old.bio, old.summary, old.themes, old.principles, old.quotes);
  END;
  CREATE TRIGGER leaders_au AFTER UPDATE ON leaders BEGIN
    INSERT INTO leaders_fts (leaders_fts, rowid, name, role_text, bio, summary, themes, principles, quotes)
    VALUES ('delete', old.key, old.name, old.role_text, old.bio, old.summary, old.themes, old.principles, old.quotes);
    INSERT INTO leaders_fts (rowid, name, role_text, bio, summary, themes, principles, quotes)
    VALUES (new.key, new.name, new.role_text, new.bio, new.summary, new.themes, new.principles, new.quotes);
  END;
  INSERT INTO leaders_fts (leaders_fts) VALUES ('rebuild');
  `,
  // 7: the lists leaders_fts indexes are joined with ' · ' on one line, not one item per line, so a
  // snippet() of a hit carries no raw newline (searchText.ts). The update trigger re-indexes each row.
  `
  UPDATE leaders SET
    themes = replace(themes, char(10), ' · '),
    principles = replace(principles, char(10), ' · '),
    quotes = replace(quotes, char(10), ' · ')
  WHERE instr(coalesce(themes, '') || coalesce(principles, '') || coalesce(quotes, ''), char(10)) > 0;
  `,
  // 8: what each export file looked like (size, inode, change time) when the writer last wrote it or
  // compared it whole, so a re-run can tell untouched exports from a stat (exportStamps.ts). A change
  // to a leader row, by this program or any other, drops the stamps of the files that show it, and
  // the run report's figures over all records (meta report_leader_stats, see loadReportData), which
  // a change to a diagnostic or a dimension score drops too.
  `
  CREATE TABLE export_stamps (
    file     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    ino      TEXT NOT NULL,
    ctime_ns TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TRIGGER leaders_unstamp_insert AFTER INSERT ON leaders BEGIN
    DELETE FROM export_stamps WHERE file IN ('leaders/' || new.id || '.json', 'leaders.ndjson');
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER leaders_unstamp_update AFTER UPDATE ON leaders BEGIN
    DELETE FROM export_stamps WHERE file IN ('leaders/' || old.id || '.json', 'leaders/' || new.id || '.json', 'leaders.ndjson');
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER leaders_unstamp_delete AFTER DELETE ON leaders BEGIN
    DELETE FROM export_stamps WHERE file IN ('leaders/' || old.id || '.json', 'leaders.ndjson');
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER diagnostics_report_insert AFTER INSERT ON diagnostics BEGIN
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER diagnostics_report_update AFTER UPDATE ON diagnostics BEGIN
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER diagnostics_report_delete AFTER DELETE ON diagnostics BEGIN
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER dimensions_report_insert AFTER INSERT ON dimensions BEGIN
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER dimensions_report_update AFTER UPDATE ON dimensions BEGIN
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  CREATE TRIGGER dimensions_report_delete AFTER DELETE ON dimensions BEGIN
    DELETE FROM meta WHERE key = 'report_leader_stats';
  END;
  `,
  // 9: what each source file looked like (size:inode:ctime, see ingest/sourceStamp.ts) when its bytes were
  // last hashed, so an unchanged re-run can tell an untouched page from a stat instead of a read; and
  // which source owns each leader id, and its name, from an index alone (a leader row spans overflow
  // pages, and every run asks this of every source, for itself and for its report).
  `
  ALTER TABLE sources ADD COLUMN stat_stamp TEXT;
  CREATE INDEX leaders_owner ON leaders(id, source_path, name);
  `,
];
