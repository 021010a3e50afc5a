-- Each account's service PIN (服务密码), which a caller gives to do account business from a
-- phone that is not the account's own, as a salted hash; and the wrong PINs in a row given for
-- the account, with the end of the lock-out they earned (0 = none).
CREATE TABLE service_pin (
    number           VARCHAR(24)  NOT NULL PRIMARY KEY REFERENCES subscriber (number),
    pin_hash         VARCHAR(200) NOT NULL,
    wrong_pins       INTEGER      NOT NULL,
    locked_until_ms  BIGINT       NOT NULL
);
