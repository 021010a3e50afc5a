-- The service-level counts of every 15-minute interval, per queue, tier and brand (an empty
-- brand for calls with none): what the daily, weekly and monthly reports add up, and what a
-- restart continues from. A call counts in the interval it was queued in. start_ms is the
-- interval's start in epoch milliseconds; the columns are the report's counts by name.
CREATE TABLE traffic_interval (
    start_ms               BIGINT      NOT NULL,
    queue                  VARCHAR(64) NOT NULL,
    tier                   VARCHAR(64) NOT NULL,
    brand                  VARCHAR(64) NOT NULL,
    offered                BIGINT NOT NULL,
    answered               BIGINT NOT NULL,
    answered_within        BIGINT NOT NULL,
    abandoned              BIGINT NOT NULL,
    short_abandoned        BIGINT NOT NULL,
    overflowed             BIGINT NOT NULL,
    timed_out              BIGINT NOT NULL,
    refused                BIGINT NOT NULL,
    answer_wait_sum_ms     BIGINT NOT NULL,
    handled                BIGINT NOT NULL,
    handle_sum_ms          BIGINT NOT NULL,
    longest_wait_ms        BIGINT NOT NULL,
    closed                 BIGINT NOT NULL,
    callbacks_offered      BIGINT NOT NULL,
    callbacks_requested    BIGINT NOT NULL,
    callbacks_reached      BIGINT NOT NULL,
    callbacks_not_reached  BIGINT NOT NULL,
    answered_within_10s    BIGINT NOT NULL,
    PRIMARY KEY (start_ms, queue, tier, brand)
);

-- Survey answers and complaints are read by the hour they came in, for the same reports.
CREATE INDEX survey_response_by_time ON survey_response (at_ms);
CREATE INDEX work_order_by_kind_and_time ON work_order (order_kind, created_ms);
