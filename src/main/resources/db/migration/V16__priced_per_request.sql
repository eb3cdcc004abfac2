-- What a call is also billed for besides its tokens: the web searches the model ran on the
-- provider's side (a price per search), and where the provider was asked to run it (Anthropic
-- bills US-only inference at 1.1 times its token prices). Null: the source did not say.
ALTER TABLE usage_record ADD COLUMN web_search_requests BIGINT;
ALTER TABLE usage_record ADD COLUMN inference_geo VARCHAR(32);
