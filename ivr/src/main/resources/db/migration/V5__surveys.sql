-- Post-call survey answers, one per call. rating 0 = no answer (the caller hung up).
-- follow_up_due_ms is set for dissatisfied callers and cleared when someone has called back.
CREATE TABLE survey_response (
    call_id           VARCHAR(64) NOT NULL PRIMARY KEY,
    caller_number     VARCHAR(24),
    queue             VARCHAR(64),
    tier              VARCHAR(64),
    rating            INTEGER     NOT NULL,
    at_ms             BIGINT      NOT NULL,
    follow_up_due_ms  BIGINT,
    followed_up_ms    BIGINT
);
CREATE INDEX survey_follow_up ON survey_response (follow_up_due_ms);
