-- How fast the provider was asked to answer a call: Anthropic's fast mode (usage.speed = fast)
-- has token prices of its own. Null: the source did not say (standard).
ALTER TABLE usage_record ADD COLUMN speed VARCHAR(16);
