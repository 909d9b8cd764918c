/* zb-migrations.c — the schema, one forward-only step per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step runs in its own transaction together with the PRAGMA user_version that
 * records it (ZbDatabase does that), so a file is always at exactly one version.
 * Steps are never edited once released: a change is a new step.
 */
#include "config.h"

#include "zb-migrations.h"

static const char *const migrations[] = {
  /* 1: the workspace and the audit log */
  "CREATE TABLE workspace ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  org_name TEXT NOT NULL,"
  "  protection TEXT NOT NULL CHECK (protection IN ('keyring', 'passphrase')),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE audit_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record_uuid TEXT,"
  "  before_json TEXT,"
  "  after_json TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE audit_head ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  last_seq INTEGER NOT NULL,"
  "  last_hash TEXT NOT NULL"
  ") STRICT;"
  "INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, "
  "  '0000000000000000000000000000000000000000000000000000000000000000');",

  /* 2: the committee above the branch, and a record of every migration applied */
  "ALTER TABLE workspace ADD COLUMN superior_name TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE schema_history ("
  "  version INTEGER PRIMARY KEY,"
  "  applied_at TEXT NOT NULL,"
  "  app_version TEXT NOT NULL"
  ") STRICT;",

  /* 3: the organisation (党委/党总支 → 党支部 → 党小组, committees and their
   * terms) and the member roster with its status events and import batches.
   * Dates are ISO-8601 text; codes are GB/T 3304 (民族) and GB/T 4658 (学历).
   * The sort and search columns are filled by the repository from ICU. */
  "CREATE TABLE org_unit ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  parent_id INTEGER REFERENCES org_unit (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('committee', 'general_branch', 'branch', 'group')),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX org_unit_parent ON org_unit (parent_id, sort_order);"

  "CREATE TABLE committee_term ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT NOT NULL CHECK (end_date > start_date),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX committee_term_unit ON committee_term (org_unit_id, start_date);"

  "CREATE TABLE member ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  gender TEXT CHECK (gender IN ('male', 'female')),"
  "  ethnicity INTEGER CHECK (ethnicity BETWEEN 1 AND 98),"
  "  id_number TEXT,"
  "  birth_date TEXT,"
  "  native_place TEXT,"
  "  education INTEGER,"
  "  work_start_date TEXT,"
  "  category TEXT NOT NULL DEFAULT 'full' CHECK (category IN ('full', 'probationary')),"
  "  joined_date TEXT,"
  "  full_date TEXT,"
  "  branch_id INTEGER REFERENCES org_unit (id),"
  "  group_id INTEGER REFERENCES org_unit (id),"
  "  work_unit TEXT,"
  "  phone TEXT,"
  "  address TEXT,"
  "  flowing INTEGER NOT NULL DEFAULT 0 CHECK (flowing IN (0, 1)),"
  "  flow_destination TEXT,"
  "  flow_card_number TEXT,"
  "  lost_contact INTEGER NOT NULL DEFAULT 0 CHECK (lost_contact IN (0, 1)),"
  "  lost_contact_date TEXT,"
  "  lost_contact_reason INTEGER CHECK (lost_contact_reason BETWEEN 1 AND 7),"
  "  standing TEXT NOT NULL DEFAULT 'normal' CHECK (standing IN ('normal', 'suspended')),"
  "  status TEXT NOT NULL DEFAULT 'active'"
  "    CHECK (status IN ('active', 'transferred_out', 'left', 'deceased')),"
  "  left_kind TEXT,"
  "  left_date TEXT,"
  "  remarks TEXT,"
  "  name_pinyin TEXT NOT NULL DEFAULT '',"
  "  name_initials TEXT NOT NULL DEFAULT '',"
  "  stroke_key BLOB,"
  "  pinyin_key BLOB,"
  "  import_batch_id INTEGER REFERENCES import_batch (id),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  /* An ID number is unique among members who have not left (DOMAIN.md §4.2). */
  "CREATE UNIQUE INDEX member_id_number_active ON member (id_number)"
  "  WHERE id_number IS NOT NULL AND status = 'active';"
  "CREATE INDEX member_stroke ON member (status, stroke_key);"
  "CREATE INDEX member_pinyin ON member (status, pinyin_key);"
  "CREATE INDEX member_joined ON member (status, joined_date);"
  "CREATE INDEX member_initials ON member (name_initials);"
  "CREATE INDEX member_branch ON member (branch_id, group_id);"
  "CREATE INDEX member_import_batch ON member (import_batch_id);"

  /* 党内职务 with their terms: a committee role (书记 …) or 党小组长. */
  "CREATE TABLE party_post ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id),"
  "  org_unit_id INTEGER NOT NULL REFERENCES org_unit (id),"
  "  term_id INTEGER REFERENCES committee_term (id),"
  "  role TEXT NOT NULL CHECK (role IN ('secretary', 'deputy_secretary', 'organisation',"
  "    'propaganda', 'discipline', 'committee_member', 'group_leader')),"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX party_post_member ON party_post (member_id);"
  "CREATE INDEX party_post_unit ON party_post (org_unit_id, role);"

  /* Status changes are events with dates, never overwrites (issue: roster). */
  "CREATE TABLE member_event ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  member_id INTEGER NOT NULL REFERENCES member (id),"
  "  kind TEXT NOT NULL,"
  "  event_date TEXT NOT NULL,"
  "  counterpart TEXT,"
  "  letter_number TEXT,"
  "  dues_paid_until TEXT,"
  "  reason TEXT,"
  "  notes TEXT,"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX member_event_member ON member_event (member_id, event_date, id);"

  /* One row per import, so that an import can be undone as one step. */
  "CREATE TABLE import_batch ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  file_name TEXT NOT NULL,"
  "  n_records INTEGER NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  undone_at TEXT"
  ") STRICT;",

  /* 4: every print and export of a numbered document (ZB-2026-000123), with
   * the hash of its content, so that a paper copy can be checked against it. */
  "CREATE TABLE print_record ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  number TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  content_hash TEXT NOT NULL,"
  "  pages INTEGER NOT NULL CHECK (pages >= 0),"
  "  printed_at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  destination TEXT NOT NULL CHECK (destination IN ('pdf', 'printer'))"
  ") STRICT;",

  /* 5: search and order of the roster at scale (ZbMemberRepo). Full-text
   * indexes of the active roster, kept by the repository: the characters of
   * each name as tokens (a phrase finds any run of characters inside a name)
   * and the ID and phone digits as trigrams (any run of 3 or more digits).
   * B-tree ranges for pinyin initials and full pinyin prefixes within the
   * active roster, the 入党日期 order with its tie-break, and the sort keys by
   * row id (a covering index for sorting search candidates). Members of an
   * earlier file are indexed here once. */
  "CREATE VIRTUAL TABLE member_name_fts USING fts5 (chars, content = '',"
  "  contentless_delete = 1, tokenize = 'unicode61');"
  "CREATE VIRTUAL TABLE member_digits_fts USING fts5 (digits, content = '',"
  "  contentless_delete = 1, tokenize = 'trigram');"
  "DROP INDEX member_initials;"
  "DROP INDEX member_joined;"
  "CREATE INDEX member_initials ON member (status, name_initials);"
  "CREATE INDEX member_pinyin_text ON member (status, name_pinyin);"
  "CREATE INDEX member_joined ON member (status, joined_date, stroke_key);"
  /* The sort keys and filter columns by row id: reading them for a few thousand
   * search candidates through this small index is several times faster than
   * through the table's rows. */
  "CREATE INDEX member_sort_keys ON member (id, status, stroke_key, pinyin_key, joined_date,"
  "  branch_id, group_id, category, flowing, lost_contact);"
  "INSERT INTO member_digits_fts (rowid, digits)"
  "  SELECT id, coalesce (id_number, '') || ' ' || coalesce (phone, '') FROM member"
  "  WHERE status = 'active';"
  "WITH RECURSIVE split (id, rest, tokens) AS ("
  "  SELECT id, name, '' FROM member WHERE status = 'active'"
  "  UNION ALL SELECT id, substr (rest, 2), tokens || ' ' || substr (rest, 1, 1) FROM split"
  "  WHERE rest <> '')"
  "INSERT INTO member_name_fts (rowid, chars) SELECT id, tokens FROM split WHERE rest = '';",

  /* 6: the version of the ICU and stroke data the sort keys were made with
   * (zb_chinese_key_version(); NULL: unknown), so that ZbMemberRepo rebuilds
   * them when it differs. And pinyin searches of one or two letters at a
   * million members: every member whose initials or reading start with the
   * letters has initials with the same first letter, so each order gets an
   * index of the active roster by that letter, then the order, holding the
   * initials and the reading. A search walks its letter's part of the index
   * in order and tests each entry there, without reading rows; the first page
   * is found within its letter, never after the whole alphabet before it.
   * They replace the two ranges on initials and reading, which served only
   * searches. */
  "ALTER TABLE workspace ADD COLUMN chinese_key_version TEXT;"
  "DROP INDEX member_initials;"
  "DROP INDEX member_pinyin_text;"
  "CREATE INDEX member_letter_stroke ON member (substr (name_initials, 1, 1), stroke_key,"
  "  name_initials, name_pinyin) WHERE status = 'active';"
  "CREATE INDEX member_letter_pinyin ON member (substr (name_initials, 1, 1), pinyin_key,"
  "  name_initials, name_pinyin) WHERE status = 'active';"
  "CREATE INDEX member_letter_joined ON member (substr (name_initials, 1, 1), joined_date,"
  "  stroke_key, name_initials, name_pinyin) WHERE status = 'active';",

  /* 7: 三会一课 (issue 5, ZbMeetingRepo). A meeting of one kind (the stable
   * names of zb-meeting-rules.h), its attendance frozen from the roster as it
   * was on the meeting date (the name and whether the person had a vote that
   * day are stored, not looked up again: the minutes must say what was true
   * then), its topics with the minutes and speeches of each, votes,
   * resolutions followed up until done, and attachments (sign-in sheets,
   * photos) whose bytes live in the encrypted file, at most 20 MiB each
   * (ZB_MEETING_ATTACHMENT_MAX_SIZE). Meetings are archived, never deleted;
   * the repository replaces a meeting's child rows when it is edited, under
   * their own uuids. */
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('general_meeting', 'committee_meeting',"
  "    'group_meeting', 'party_lesson', 'theme_day', 'life_meeting', 'appraisal', 'other')),"
  "  title TEXT NOT NULL DEFAULT '',"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  start_time TEXT CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  end_time TEXT CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  place TEXT,"
  "  branch_id INTEGER REFERENCES org_unit (id),"
  "  group_id INTEGER REFERENCES org_unit (id),"
  "  chair_id INTEGER REFERENCES member (id),"
  "  recorder_id INTEGER REFERENCES member (id),"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_date ON meeting (date, kind);"
  "CREATE INDEX meeting_branch ON meeting (branch_id, date);"
  /* Every column that refers to a member is indexed: deleting a member (the
   * roster's undo of an import) checks the foreign keys through them. */
  "CREATE INDEX meeting_chair ON meeting (chair_id);"
  "CREATE INDEX meeting_recorder ON meeting (recorder_id);"

  "CREATE TABLE meeting_attendee ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),"
  "  member_id INTEGER REFERENCES member (id),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  role TEXT NOT NULL CHECK (role IN ('expected', 'present', 'leave', 'absent', 'observer')),"
  "  leave_reason TEXT,"
  "  voting INTEGER NOT NULL DEFAULT 0 CHECK (voting IN (0, 1)),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_attendee_meeting ON meeting_attendee (meeting_id, sort_order);"
  "CREATE INDEX meeting_attendee_member ON meeting_attendee (member_id);"

  "CREATE TABLE meeting_topic ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  minutes TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_topic_meeting ON meeting_topic (meeting_id, sort_order);"

  "CREATE TABLE meeting_speech ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  topic_id INTEGER NOT NULL REFERENCES meeting_topic (id),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  member_id INTEGER REFERENCES member (id),"
  "  speaker_name TEXT NOT NULL CHECK (speaker_name <> ''),"
  "  text TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_speech_topic ON meeting_speech (topic_id, sort_order);"
  "CREATE INDEX meeting_speech_member ON meeting_speech (member_id);"

  /* A vote on a topic, or on the meeting as a whole (topic_id NULL). */
  "CREATE TABLE meeting_vote ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),"
  "  topic_id INTEGER REFERENCES meeting_topic (id),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  subject TEXT NOT NULL CHECK (subject <> ''),"
  "  form TEXT NOT NULL CHECK (form IN ('show_of_hands', 'secret_ballot')),"
  "  yes INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),"
  "  no INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0),"
  "  abstain INTEGER NOT NULL DEFAULT 0 CHECK (abstain >= 0),"
  "  written_opinions INTEGER NOT NULL DEFAULT 0 CHECK (written_opinions >= 0),"
  "  result TEXT CHECK (result IN ('passed', 'not_passed')),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_vote_meeting ON meeting_vote (meeting_id, sort_order);"
  "CREATE INDEX meeting_vote_topic ON meeting_vote (topic_id);"

  "CREATE TABLE meeting_resolution ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  owner_id INTEGER REFERENCES member (id),"
  "  due_date TEXT,"
  "  done_date TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_resolution_meeting ON meeting_resolution (meeting_id, sort_order);"
  "CREATE INDEX meeting_resolution_owner ON meeting_resolution (owner_id);"
  /* What the follow-up list reads: the open resolutions by due date. */
  "CREATE INDEX meeting_resolution_open ON meeting_resolution (due_date)"
  "  WHERE done_date IS NULL;"

  "CREATE TABLE meeting_attachment ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  mime_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL CHECK (size BETWEEN 0 AND 20971520),"
  "  sha256 TEXT NOT NULL,"
  "  data BLOB NOT NULL CHECK (length (data) = size),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_attachment_meeting ON meeting_attachment (meeting_id);",

  /* 8: 谈心谈话 (issue 6). The contents (what each side said, the response)
   * are the most sensitive text of the workspace: only ZbTalkRepo's
   * load-contents call reads them, and it audits every reading. */
  "CREATE TABLE talk ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
  "  start_time TEXT CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),"
  "  place TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('daily', 'before_life_meeting', 'admission',"
  "    'full_membership', 'reminder', 'other')),"
  "  topic TEXT,"
  "  branch_id INTEGER REFERENCES org_unit (id),"
  "  recorder_id INTEGER REFERENCES member (id),"
  "  recorder_name TEXT,"
  "  said_by_talker TEXT,"
  "  said_by_other TEXT,"
  "  response TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX talk_date ON talk (date, kind);"
  "CREATE INDEX talk_branch ON talk (branch_id, date);"
  "CREATE INDEX talk_recorder ON talk (recorder_id);"

  /* Who talked (talker) and with whom (talked_with): a member, or a person
   * not (yet) on the roster, such as an applicant, named by a key the
   * 发展党员 workflow chooses. */
  "CREATE TABLE talk_participant ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  talk_id INTEGER NOT NULL REFERENCES talk (id),"
  "  side TEXT NOT NULL CHECK (side IN ('talker', 'talked_with')),"
  "  member_id INTEGER REFERENCES member (id),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  person_key TEXT,"
  "  post TEXT,"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  CHECK (member_id IS NOT NULL OR person_key IS NOT NULL)"
  ") STRICT;"
  "CREATE INDEX talk_participant_talk ON talk_participant (talk_id, sort_order);"
  "CREATE INDEX talk_participant_member ON talk_participant (member_id);"
  "CREATE INDEX talk_participant_person ON talk_participant (person_key)"
  "  WHERE person_key IS NOT NULL;"

  "CREATE TABLE talk_action ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  talk_id INTEGER NOT NULL REFERENCES talk (id),"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  owner_id INTEGER REFERENCES member (id),"
  "  owner_name TEXT,"
  "  due_date TEXT,"
  "  done_date TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX talk_action_talk ON talk_action (talk_id, sort_order);"
  "CREATE INDEX talk_action_owner ON talk_action (owner_id);"
  "CREATE INDEX talk_action_open ON talk_action (due_date) WHERE done_date IS NULL;",

  /* 9: 民主评议党员 (issue 5, DOMAIN.md §2.2): each member's grade at a
   * meeting that held the appraisal, with the member's name as it stood that
   * day (the result sheet must say what was decided then). One grade per
   * member and meeting; the repository replaces a meeting's grades as a whole,
   * keeping each member's row uuid. The one-third cap on 优秀 is a warning of
   * the rules module, not a CHECK: the regulation says "一般". */
  "CREATE TABLE meeting_review_grade ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id),"
  "  member_id INTEGER NOT NULL REFERENCES member (id),"
  "  member_name TEXT NOT NULL CHECK (member_name <> ''),"
  "  grade TEXT NOT NULL CHECK (grade IN ('excellent', 'qualified', 'basically_qualified',"
  "    'unqualified')),"
  "  remark TEXT,"
  "  sort_order INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  UNIQUE (meeting_id, member_id)"
  ") STRICT;"
  /* Deleting a member (the undo of an import) checks the foreign key here. */
  "CREATE INDEX meeting_review_grade_member ON meeting_review_grade (member_id);",

  /* 10: the member status rule as comparisons. SQLite checks a constant IN
   * list of more than two values by building an ephemeral table for it, for
   * every row written: a fifth of the work of inserting a member, 100,000
   * such tables for an import of 100,000. Written with OR, the same rule is
   * compared in place. Only the table's text changes, where it stands, as
   * SQLite documents for changing a CHECK constraint (ALTER TABLE, "Making
   * Other Kinds Of Table Schema Changes"): the rule allows exactly what it
   * allowed, so no stored row needs looking at again. RESET reads the schema
   * again on this connection; the table made and dropped after it moves the
   * schema version on, which tells every other connection to. */
  "PRAGMA writable_schema = ON;"
  "UPDATE sqlite_schema SET sql = replace (sql,"
  "  'CHECK (status IN (''active'', ''transferred_out'', ''left'', ''deceased''))',"
  "  'CHECK (status = ''active'' OR status = ''transferred_out'' OR status = ''left'''"
  "  || ' OR status = ''deceased'')')"
  "  WHERE type = 'table' AND name = 'member';"
  "PRAGMA writable_schema = RESET;"
  "CREATE TABLE zb_schema_changed (x);"
  "DROP TABLE zb_schema_changed;",

  /* 11: writing a big roster at two thirds of the cost of its search indexes
   * and three quarters of the cost of its order indexes (issue 3: 100,000
   * members imported in under 3 s).
   * The two search indexes keep no table of their own per member: a member
   * leaves them by the text they were indexed with ('delete'), which
   * ZbMemberRepo gives back from the stored row. The names' text is every
   * character of the name with a space after it, exactly as ZbMemberRepo
   * writes it, so that the tokenizer finds the same terms in both.
   * The order indexes of the active roster are partial and led by their key
   * read as TEXT: the same bytes compared the same way (memcmp, then the
   * length), but SQLite's sorter compares two entries led by TEXT without
   * unpacking them, where a BLOB or a column equal for every member (status)
   * takes the slow way for every pair. The letter indexes lead with the
   * letter and the key in one text for the same reason; the archive has an
   * index of its own. The expressions are written as ZB_MEMBER_*_KEY
   * (zb-roster-private.h), which the queries must match to the character. */
  "DROP TABLE member_name_fts;"
  "DROP TABLE member_digits_fts;"
  "CREATE VIRTUAL TABLE member_name_fts USING fts5 (chars, content = '', columnsize = 0,"
  "  tokenize = 'unicode61');"
  "CREATE VIRTUAL TABLE member_digits_fts USING fts5 (digits, content = '', columnsize = 0,"
  "  tokenize = 'trigram');"
  "WITH RECURSIVE split (id, rest, tokens) AS ("
  "  SELECT id, name, '' FROM member WHERE status = 'active'"
  "  UNION ALL SELECT id, substr (rest, 2), tokens || substr (rest, 1, 1) || ' ' FROM split"
  "  WHERE rest <> '')"
  /* in row order: FTS5 writes out what it holds each time a row id is lower
   * than the one before, which the recursion's order would make nearly every
   * row */
  "INSERT INTO member_name_fts (rowid, chars) SELECT id, tokens FROM split WHERE rest = ''"
  "  ORDER BY id;"
  "INSERT INTO member_digits_fts (rowid, digits)"
  "  SELECT id, coalesce (id_number, '') || ' ' || coalesce (phone, '') FROM member"
  "  WHERE status = 'active' ORDER BY id;"
  "DROP INDEX member_stroke;"
  "DROP INDEX member_pinyin;"
  "DROP INDEX member_joined;"
  "DROP INDEX member_letter_stroke;"
  "DROP INDEX member_letter_pinyin;"
  "DROP INDEX member_letter_joined;"
  "CREATE INDEX member_stroke ON member (CAST (stroke_key AS TEXT)) WHERE status = 'active';"
  "CREATE INDEX member_pinyin ON member (CAST (pinyin_key AS TEXT)) WHERE status = 'active';"
  "CREATE INDEX member_joined ON member (joined_date, CAST (stroke_key AS TEXT))"
  "  WHERE status = 'active';"
  "CREATE INDEX member_archive ON member (CAST (stroke_key AS TEXT)) WHERE status <> 'active';"
  "CREATE INDEX member_letter_stroke ON member ("
  "  substr (name_initials, 1, 1) || CAST (stroke_key AS TEXT), name_initials, name_pinyin)"
  "  WHERE status = 'active';"
  "CREATE INDEX member_letter_pinyin ON member ("
  "  substr (name_initials, 1, 1) || CAST (pinyin_key AS TEXT), name_initials, name_pinyin)"
  "  WHERE status = 'active';"
  "CREATE INDEX member_letter_joined ON member ("
  "  substr (name_initials, 1, 1) || coalesce (joined_date, ''), CAST (stroke_key AS TEXT),"
  "  name_initials, name_pinyin) WHERE status = 'active';",

  /* 12: one index fewer to write and to build again after an import. The
   * pinyin key begins with the reading, whose first letter is the first of
   * the initials, so member_letter_pinyin (that letter, then the key) holds
   * the active roster in pinyin order as member_pinyin did: the pinyin order
   * is now read from it (ZB_MEMBER_PINYIN_KEY). A name whose first character
   * has no reading now sorts with the letter of its initials instead of last.
   * The covering index that sorts search candidates takes the initials, which
   * the pinyin key's expression reads. */
  "DROP INDEX member_pinyin;"
  "DROP INDEX member_sort_keys;"
  "CREATE INDEX member_sort_keys ON member (id, status, stroke_key, pinyin_key, name_initials,"
  "  joined_date, branch_id, group_id, category, flowing, lost_contact);",
};

static const ZbTableInfo tables[] = {
  { "workspace", "SELECT count(*) FROM workspace" },
  { "audit_log", "SELECT count(*) FROM audit_log" },
  { "schema_history", "SELECT count(*) FROM schema_history" },
  { "org_unit", "SELECT count(*) FROM org_unit" },
  { "committee_term", "SELECT count(*) FROM committee_term" },
  { "member", "SELECT count(*) FROM member" },
  { "party_post", "SELECT count(*) FROM party_post" },
  { "member_event", "SELECT count(*) FROM member_event" },
  { "import_batch", "SELECT count(*) FROM import_batch" },
  { "print_record", "SELECT count(*) FROM print_record" },
  { "meeting", "SELECT count(*) FROM meeting" },
  { "meeting_attendee", "SELECT count(*) FROM meeting_attendee" },
  { "meeting_topic", "SELECT count(*) FROM meeting_topic" },
  { "meeting_speech", "SELECT count(*) FROM meeting_speech" },
  { "meeting_vote", "SELECT count(*) FROM meeting_vote" },
  { "meeting_resolution", "SELECT count(*) FROM meeting_resolution" },
  { "meeting_attachment", "SELECT count(*) FROM meeting_attachment" },
  { "talk", "SELECT count(*) FROM talk" },
  { "talk_participant", "SELECT count(*) FROM talk_participant" },
  { "talk_action", "SELECT count(*) FROM talk_action" },
  { "meeting_review_grade", "SELECT count(*) FROM meeting_review_grade" },
  { NULL, NULL },
};

int
_zb_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
_zb_migrations_get (int version)
{
  g_return_val_if_fail (version >= 1 && version <= _zb_migrations_latest (), NULL);

  return migrations[version - 1];
}

const ZbTableInfo *
_zb_migrations_tables (void)
{
  return tables;
}
