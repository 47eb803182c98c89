-- Substring search without extensions (PGlite has no pg_trgm, and pg_trgm skips CJK characters under the C
-- locale): the distinct two-character substrings of the lower-case text. A text containing q contains every
-- bigram of q, so `bigrams(text) @> bigrams(q)` on a GIN index narrows the rows and ilike rechecks them.
-- Both functions use pg_catalog only, so they resolve whatever the search_path (restores, index builds).
CREATE FUNCTION text_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(s.l, i, 2)), '{}'::text[])
  FROM (SELECT lower(t) AS l) AS s, generate_series(1, char_length(s.l) - 1) AS i
$$;
--> statement-breakpoint
-- The searchable text of an enterprise row: name, 简称 and 曾用名 (as the JSON text the ilike recheck reads).
CREATE FUNCTION enterprise_search_bigrams(name text, aliases jsonb, former_names jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(s.l, i, 2)), '{}'::text[])
  FROM (SELECT lower(coalesce(name, '') || ' ' || coalesce(aliases::text, '') || ' '
          || coalesce(former_names::text, '')) AS l) AS s,
    generate_series(1, char_length(s.l) - 1) AS i
$$;
--> statement-breakpoint
CREATE INDEX "enterprise_years_year_rd_idx" ON "enterprise_years" USING btree ("year","rd_expense","enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprises_heads_leading_name_idx" ON "enterprises" USING btree ("leading_industry","name","id") WHERE ("enterprises"."canonical_id" = "enterprises"."id") is true;--> statement-breakpoint
CREATE INDEX "enterprises_heads_synthetic_name_idx" ON "enterprises" USING btree ("is_synthetic","name","id") WHERE ("enterprises"."canonical_id" = "enterprises"."id") is true;--> statement-breakpoint
CREATE INDEX "enterprises_search_bigrams_idx" ON "enterprises" USING gin (enterprise_search_bigrams("name", "aliases", "former_names"));--> statement-breakpoint
CREATE INDEX "qualifications_held_type_idx" ON "qualifications" USING btree ("type","enterprise_id","valid_from","valid_to","year") WHERE "qualifications"."status" = 'held';