@app
ielts-ai-prep

@http
/*
  method any
  src server

@static
folder public

@events
score-writing
  src src/events/score-writing
score-speaking
  src src/events/score-speaking
explain-answers
  src src/events/explain-answers

@scheduled
sweeper
  rate 5 minutes
  src src/scheduled/sweeper

@tables
users
  pk *String

sessions
  sessionId *String
  expiresAt TTL

auth-tokens
  tokenHash *String
  expiresAt TTL

throttles
  throttleKey *String
  expiresAt TTL

assessments
  assessmentId *String
  expiresAt TTL

qr-tokens
  tokenHash *String
  expiresAt TTL

api-tokens
  tokenHash *String
  expiresAt TTL

entitlements
  userId *String
  productId **String

questions
  questionId *String

rubrics
  rubricId *String

ai-safety-logs
  logId *String
  expiresAt TTL

content-reports
  reportId *String

purchases
  purchaseId *String

credit-ledger
  entryId *String

consents
  userId *String
  consentKey **String

audit-log
  pk *String
  sk **String

daily-stats
  metric *String
  day **String

@tables-indexes
sessions
  userId *String
  name byUser

auth-tokens
  userId *String
  name byUser

api-tokens
  userId *String
  name byUser

qr-tokens
  userId *String
  name byUser

assessments
  userId *String
  createdAt **String
  name byUser

assessments
  status *String
  updatedAt **String
  name byStatus

questions
  skill *String
  questionId **String
  name bySkill

ai-safety-logs
  userId *String
  createdAt **String
  name byUser

content-reports
  userId *String
  createdAt **String
  name byUser

purchases
  userId *String
  createdAt **String
  name byUser

credit-ledger
  userId *String
  createdAt **String
  name byUser

content-reports
  status *String
  createdAt **String
  name byStatus

audit-log
  target *String
  sk **String
  name byTarget

users
  emailHead *String
  pk **String
  name byEmailHead

ai-safety-logs
  kind *String
  createdAt **String
  name byKind

@aws
runtime nodejs22.x
region eu-west-2
memory 1024
timeout 15
architecture arm64

@typescript
base-runtime nodejs22.x
esbuild-config esbuild.config.cjs

@plugins
architect/plugin-typescript
production-wiring
  src src/plugins/production-wiring.cjs
