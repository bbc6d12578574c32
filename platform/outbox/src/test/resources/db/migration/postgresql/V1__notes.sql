CREATE TABLE note (
    id      BIGSERIAL PRIMARY KEY,
    body    VARCHAR(200) NOT NULL
);
CREATE TABLE note_seen (
    id        BIGSERIAL PRIMARY KEY,
    event_id  VARCHAR(100) NOT NULL,
    note_key  VARCHAR(100) NOT NULL,
    body      VARCHAR(200) NOT NULL
);
CREATE TABLE note_counted (
    id        BIGSERIAL PRIMARY KEY,
    event_id  VARCHAR(100) NOT NULL
);
