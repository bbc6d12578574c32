-- Access that ends when it is taken away (docs/security.md): the instant of the last change of what a user may
-- do (grants, roles, center, password, deactivation), millisecond precision, strictly increasing per user. Every
-- token carries it (claim access_version, epoch ms) and auth.user-access-changed.v1 announces a new one: services
-- refuse the user's tokens that carry an older one.
ALTER TABLE app_user ADD COLUMN access_changed_at TIMESTAMP WITH TIME ZONE;
-- never before a past deactivation (updated_at was written with it), so re-activated users' new tokens are valid
UPDATE app_user SET access_changed_at = date_trunc('milliseconds', updated_at);
ALTER TABLE app_user ALTER COLUMN access_changed_at SET NOT NULL;
