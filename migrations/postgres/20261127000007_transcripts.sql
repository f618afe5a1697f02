-- Voice transcription (optional): the transcript of a voice note, kept next to the audio,
-- and where the background job stands with it (attempts, last error, when to try again).
alter table media_file
    add column transcript text,
    add column transcript_language text,
    add column transcribed_at timestamptz,
    add column transcribe_attempts bigint not null default 0,
    add column transcribe_error text,
    add column next_transcribe_at timestamptz;

-- The job looks only at voice notes still without a transcript.
create index media_file_transcribe_due on media_file (next_transcribe_at)
    where kind = 'voice' and transcript is null;
