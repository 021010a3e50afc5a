-- Subscribers: who calls, how the IVR classifies them, and their prepaid balance.
-- Plain SQL that both H2 and PostgreSQL run. Money is in fen, times in epoch milliseconds.
CREATE TABLE subscriber (
    number           VARCHAR(24)  NOT NULL PRIMARY KEY,
    tier             VARCHAR(64),
    brand            VARCHAR(64),
    account_manager  VARCHAR(64),
    language         VARCHAR(16),
    balance_fen      BIGINT       NOT NULL
);

-- Monthly bills; the latest is the one with the highest period.
CREATE TABLE bill (
    number      VARCHAR(24) NOT NULL REFERENCES subscriber (number),
    period      INTEGER     NOT NULL,
    amount_fen  BIGINT      NOT NULL,
    PRIMARY KEY (number, period)
);
