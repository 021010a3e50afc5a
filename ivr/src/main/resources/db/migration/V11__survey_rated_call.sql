-- Which call a survey answer rates: the caller's latest answered call when they rated it, with
-- its agent and brand, so satisfaction is reported per brand and per agent. Empty for answers
-- kept before this (and for a caller no seat answered).
ALTER TABLE survey_response ADD COLUMN rated_call VARCHAR(64);
ALTER TABLE survey_response ADD COLUMN agent VARCHAR(64);
ALTER TABLE survey_response ADD COLUMN brand VARCHAR(64);
