-- Webhook signing secrets are stored sealed (AES-256-GCM, see WebhookSecrets): the sealed form is longer than the
-- secret. Secrets stored in clear by earlier versions are sealed at start-up.
ALTER TABLE subscription ALTER COLUMN webhook_secret SET DATA TYPE VARCHAR(400);
