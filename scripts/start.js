// Serves the built app on its embedded default: a SQLite file under ./data (DATABASE_URL),
// migrated and seeded with synthetic demo data on first start. PORT/HOST as adapter-node.
process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.DATABASE_URL ??= 'sqlite:./data/fieldcheck.db';
// The quick start seeds synthetic demo data into an empty database (never a real deployment's).
process.env.FIELDCHECK_DEMO_SEED ??= '1';
// A push of 1,000 visits is about 1 MB; the API enforces its own per-route limits below this.
process.env.BODY_SIZE_LIMIT ??= '5M';
// A computed specifier: the build may not exist yet when the project is type-checked.
await import(new URL('../build/index.js', import.meta.url).href);
