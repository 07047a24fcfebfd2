-- The aidebate warehouse: the tables of src/aidebate_etl/tables.py, with keys, and two views.
--
-- Applied to a new, empty database by store/duckdb.py, which then adds COMMENT ON for every table and
-- column from the tables.py descriptions and loads each table from its Parquet file. The views and
-- their columns are commented here. Every table has a primary key; every reference tables.py declares
-- is a foreign key (sources.article_id is lineage only: a file whose article failed still names it;
-- claim_group_id names a group, not a row, so there is nothing to reference).
-- Parents come before children, so every foreign key names a table that already exists.
-- tests/test_contract.py checks that these tables and columns match tables.py exactly.


-------------------------------------------------------------------------------------------- sources
create table sources (

    -- ids
    source_file varchar primary key,
    sha256 varchar,

    -- what became of the file
    bytes bigint,
    status varchar not null check (status in ('loaded', 'rejected', 'duplicate')),
    reason_code varchar,
    error varchar,
    encoding varchar,
    duplicate_of varchar,

    -- lineage (no foreign key: a loaded file whose article failed validation still names it)
    article_id varchar,
    run_id varchar not null

);


------------------------------------------------------------------------------------------- articles
create table articles (

    -- ids
    article_id varchar primary key,
    source_file varchar not null,
    sha256 varchar not null,

    -- text
    title varchar,
    subtitle varchar,
    body varchar not null,

    -- counts and lists
    paragraph_count bigint not null,
    image_captions varchar[] not null,
    image_credits varchar[] not null,
    declared_comment_count bigint,
    comment_count bigint not null,
    comment_style varchar,

    -- lineage
    run_id varchar not null

);


------------------------------------------------------------------------------------------- comments
create table comments (

    -- ids
    comment_id varchar primary key,
    article_id varchar not null references articles (article_id),
    parent_comment_id varchar references comments (comment_id),

    -- place in the thread
    position bigint not null,
    depth bigint not null,

    -- text
    author varchar not null,
    body varchar not null

);


--------------------------------------------------------------------------------------------- people
create table people (

    -- ids
    person_id varchar primary key,

    -- names
    name varchar not null,
    aliases varchar[] not null,
    roles varchar[] not null

);


------------------------------------------------------------------------------------------- mentions
create table mentions (

    -- ids
    mention_id varchar primary key,
    person_id varchar not null references people (person_id),
    article_id varchar not null references articles (article_id),
    comment_id varchar references comments (comment_id),

    -- where
    field varchar not null
        check (field in ('title', 'subtitle', 'byline', 'body', 'caption', 'credit', 'comment')),
    field_index bigint not null,
    start_char bigint not null,
    end_char bigint not null,

    -- what
    surface varchar not null,
    role varchar

);


--------------------------------------------------------------------------------------------- claims
create table claims (

    -- ids
    claim_id varchar primary key,
    article_id varchar not null references articles (article_id),

    -- speaker
    speaker_name varchar,
    speaker_kind varchar check (speaker_kind in ('person', 'organization')),
    speaker_person_id varchar references people (person_id),

    -- statement
    kind varchar not null check (kind in ('direct', 'indirect')),
    text varchar not null,
    start_char bigint not null,
    end_char bigint not null,

    -- how it was attributed
    cue varchar,
    attribution varchar,
    speaker_surface varchar,

    -- grouping across pages
    claim_group_id varchar not null

);


------------------------------------------------------------------------------------- comment_quotes
create table comment_quotes (

    -- ids
    comment_id varchar not null references comments (comment_id),
    claim_id varchar references claims (claim_id),
    article_id varchar not null references articles (article_id),

    -- the quoted span, in the comment and in the article
    quoted_text varchar not null,
    comment_start bigint not null,
    comment_end bigint not null,
    article_start bigint not null,
    article_end bigint not null,
    similarity double not null,

    primary key (comment_id, comment_start, comment_end)

);


------------------------------------------------------------------------------------- claim_variants
create table claim_variants (

    -- ids
    claim_id varchar primary key references claims (claim_id),
    claim_group_id varchar not null,
    article_id varchar not null references articles (article_id),

    -- the variant and how it differs from the group's longest text
    text varchar not null,
    n_members bigint not null check (n_members >= 2),
    is_longest boolean not null,
    similarity double not null check (similarity between 0 and 1),
    coverage double not null check (coverage between 0 and 1),
    diff varchar not null

);


-------------------------------------------------------------------------------------------- rejects
create table rejects (

    -- ids
    reject_id varchar primary key,
    run_id varchar not null,

    -- which row, which check
    table_name varchar not null,
    row_key varchar,
    column_name varchar,
    check_name varchar not null,
    reason_code varchar not null,
    failure_case varchar,
    row_data varchar not null

);


----------------------------------------------------------------------------------------------- runs
create table runs (

    -- ids
    run_id varchar primary key,

    -- timestamps
    started_at timestamptz not null,
    finished_at timestamptz not null,

    -- outcome
    status varchar not null check (status in ('succeeded', 'partial', 'failed')),
    pages_in bigint not null,
    pages_loaded bigint not null,
    pages_rejected bigint not null,
    pages_duplicate bigint not null,
    pages_extracted bigint,
    pages_cached bigint,

    -- versions, places and volumes
    code_version varchar,
    extractor_version varchar,
    schema_version varchar not null,
    source_dir varchar,
    warehouse_dir varchar,
    row_counts varchar not null,
    stage_seconds varchar

);


---------------------------------------------------------------------------------- claims_by_speaker
create view claims_by_speaker as

with

claims_base as (

    select * from claims

),

by_speaker as (

    select
        -- speaker (all null together: the claims no speaker could be named for)
        speaker_person_id,
        speaker_name,
        speaker_kind,

        -- volumes
        count(*) as claim_count,
        count(*) filter (where kind = 'direct') as direct_claim_count,
        count(*) filter (where kind = 'indirect') as indirect_claim_count,
        count(distinct article_id) as article_count,
        count(distinct claim_group_id) as claim_group_count

    from claims_base
    group by speaker_person_id, speaker_name, speaker_kind

)

select * from by_speaker
order by claim_count desc, speaker_name nulls last;

comment on view claims_by_speaker is
    'One row per speaker (person or organization; one row with null speaker for unattributed claims): '
    'how many claims, direct and indirect, in how many articles and claim groups.';


------------------------------------------------------------------------------------ comment_threads
create view comment_threads as

with recursive

comments_base as (

    select * from comments

),

threads as (

    -- top-level comments start a thread
    select
        comment_id,
        article_id,
        parent_comment_id,
        comment_id as root_comment_id,
        depth,
        position,
        author,
        cast(position as varchar) as path,
        [comment_id] as path_comment_ids,
        [author] as path_authors

    from comments_base
    where parent_comment_id is null

    union all

    -- each reply extends its parent's path
    select
        reply.comment_id,
        reply.article_id,
        reply.parent_comment_id,
        parent.root_comment_id,
        reply.depth,
        reply.position,
        reply.author,
        parent.path || '/' || cast(reply.position as varchar) as path,
        list_append(parent.path_comment_ids, reply.comment_id) as path_comment_ids,
        list_append(parent.path_authors, reply.author) as path_authors

    from comments_base as reply
    inner join threads as parent on reply.parent_comment_id = parent.comment_id

)

select * from threads
order by article_id, position;

comment on view comment_threads is
    'One row per comment with its thread: root_comment_id, and path (positions from the top-level '
    'comment down, e.g. ''3/5/9'') with the comment ids and authors along it.';

comment on column claims_by_speaker.speaker_person_id is 'The speaking person (people.person_id); null for organizations and unattributed claims.';
comment on column claims_by_speaker.speaker_name is 'Canonical name of the speaker; null for the unattributed claims.';
comment on column claims_by_speaker.speaker_kind is 'person or organization; null for the unattributed claims.';
comment on column claims_by_speaker.claim_count is 'Claims attributed to this speaker.';
comment on column claims_by_speaker.direct_claim_count is 'Of those, direct quotations.';
comment on column claims_by_speaker.indirect_claim_count is 'Of those, reported speech.';
comment on column claims_by_speaker.article_count is 'Articles the speaker is quoted in.';
comment on column claims_by_speaker.claim_group_count is 'Distinct statements (claim groups) among the claims.';

comment on column comment_threads.comment_id is 'The comment (comments.comment_id).';
comment on column comment_threads.article_id is 'The article it is posted under.';
comment on column comment_threads.parent_comment_id is 'The comment it answers; null at top level.';
comment on column comment_threads.root_comment_id is 'The top-level comment that starts its thread.';
comment on column comment_threads.depth is 'Nesting level: 0 = top level.';
comment on column comment_threads.position is '1-based order of the comment on the page.';
comment on column comment_threads.author is 'The commenter''s handle.';
comment on column comment_threads.path is 'Positions from the top-level comment down to this one, e.g. ''3/5/9''.';
comment on column comment_threads.path_comment_ids is 'Comment ids along the path, top level first.';
comment on column comment_threads.path_authors is 'Authors along the path, top level first.';
