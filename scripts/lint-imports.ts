import { findViolations } from './import-rules.ts';

const violations = findViolations(process.cwd());
for (const v of violations) console.error(`${v.file}: import '${v.specifier}': ${v.rule}`);
if (violations.length > 0) {
  console.error(`${violations.length} import rule violation(s)`);
  process.exit(1);
}
console.log('import rules: ok');
