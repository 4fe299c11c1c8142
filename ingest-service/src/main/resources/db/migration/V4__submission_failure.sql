-- Why an accepted submission could not be carried on (status UNDELIVERABLE): Kafka refused its event for good.
ALTER TABLE submission ADD COLUMN failure VARCHAR(500);
