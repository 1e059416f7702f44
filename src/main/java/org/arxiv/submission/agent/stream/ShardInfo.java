package org.arxiv.submission.agent.stream;

/**
 * A shard of the stream and its lineage; after a split a child names its parent, and after a
 * merge it also names the adjacent parent.
 *
 * @param closed true when the shard has an ending sequence number and takes no new records
 */
public record ShardInfo(
    String shardId, String parentShardId, String adjacentParentShardId, boolean closed) {}
