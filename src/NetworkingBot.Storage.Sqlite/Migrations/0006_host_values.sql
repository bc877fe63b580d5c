-- Small named values the host keeps with the data, e.g. the console shell's clock ("shell:clock"), so a restart
-- on the same file continues where it stopped.
CREATE TABLE host_values (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
