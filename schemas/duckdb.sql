-- The aidebate warehouse: the tables of src/aidebate_etl/tables.py, with keys, and three views.
--
-- Applied to a new, empty database by store/duckdb.py, which then adds COMMENT ON for every table and
-- column from the tables.py descriptions and loads each table from its Parquet file.
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
    title varchar not null,
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
        check (field in ('title', 'subtitle', 'body', 'caption', 'credit', 'comment')),
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

    -- versions, places and volumes
    code_version varchar,
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


------------------------------------------------------------------------------------- claim_variants
create view claim_variants as

with

claims_base as (

    select * from claims

),

articles_base as (

    select article_id, source_file from articles

),

variants as (

    select
        claims_base.claim_group_id,
        claims_base.claim_id,
        claims_base.article_id,
        articles_base.source_file,
        claims_base.speaker_name,
        claims_base.text

    from claims_base
    inner join articles_base on claims_base.article_id = articles_base.article_id

),

grouped as (

    select
        claim_group_id,

        -- volumes
        count(*) as variant_count,
        count(distinct article_id) as article_count,

        -- the variants side by side, longest first
        list(text order by length(text) desc, claim_id) as texts,
        list(claim_id order by length(text) desc, claim_id) as claim_ids,
        list(source_file order by length(text) desc, claim_id) as source_files,
        list_sort(list(distinct speaker_name)) as speaker_names

    from variants
    group by claim_group_id

)

select * from grouped
order by variant_count desc, claim_group_id;

comment on view claim_variants is
    'One row per claim group: the texts of its claims side by side (longest first), with their claim '
    'ids, source files and speakers.';
