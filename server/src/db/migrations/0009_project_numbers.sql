-- One 项目编号 format. Installations that ran before the format became a district setting number by
-- the default pattern JN-KJ-{year}-{seq:3}; projects numbered otherwise (the supervision demo's
-- RC…-ZD-…) get the next numbers of their call's year, in the order they were established.
WITH "outside" AS (
	SELECT p."id", c."year",
		row_number() OVER (PARTITION BY c."year" ORDER BY p."established_at", p."id") AS "n"
	FROM "plan_projects" p
	JOIN "plan_calls" c ON c."id" = p."call_id"
	WHERE p."project_no" !~ '^JN-KJ-[0-9]{4}-[0-9]{3,}$'
), "numbered" AS (
	SELECT o."id", o."year", o."n" + coalesce((
		SELECT max(substring(q."project_no" from 12)::int)
		FROM "plan_projects" q
		WHERE q."project_no" ~ ('^JN-KJ-' || o."year" || '-[0-9]{3,}$')
	), 0) AS "seq"
	FROM "outside" o
)
UPDATE "plan_projects" p
SET "project_no" = 'JN-KJ-' || n."year" || '-' || lpad(n."seq"::text, greatest(3, length(n."seq"::text)), '0'),
	"version" = p."version" + 1,
	"updated_at" = now()
FROM "numbered" n
WHERE p."id" = n."id";
