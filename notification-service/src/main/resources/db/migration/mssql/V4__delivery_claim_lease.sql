-- Issue 18.6: a delivery in `sending` is claimed by one instance (claimed_by) under a lease (lease_until) that the
-- sender renews while it sends (heartbeat). Only a delivery whose lease expired is taken as interrupted (failed, never
-- re-sent): a slow send on another replica is no longer failed under its feet.
ALTER TABLE delivery ADD claimed_by NVARCHAR(100) NULL;
ALTER TABLE delivery ADD lease_until DATETIMEOFFSET(6) NULL;
CREATE INDEX delivery_sending_lease ON delivery (status, lease_until);
