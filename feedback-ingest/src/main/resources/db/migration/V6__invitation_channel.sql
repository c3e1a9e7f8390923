-- An invitation belongs to the channel whose key asked for it (null: the loop's own business
-- events, or an administrator): only that channel sees it, and event ids are unique per channel,
-- since two channels' systems know nothing of each other's ids.
ALTER TABLE invitation ADD COLUMN channel VARCHAR(30);
DROP INDEX invitation_event;
CREATE UNIQUE INDEX invitation_channel_event ON invitation (COALESCE(channel, ''), event_id)
    WHERE event_id IS NOT NULL;
