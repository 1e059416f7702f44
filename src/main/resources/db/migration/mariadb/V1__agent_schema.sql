-- Agent database schema for MariaDB and MySQL. Times are UTC. Kinesis sequence numbers are up to 186 bits,
-- so they are stored as decimal strings and compared as big integers in Java.

-- Position of the consumer on each shard; one row per stream and shard, updated in place.
CREATE TABLE checkpoint (
  stream_name     VARCHAR(128) NOT NULL,
  shard_id        VARCHAR(128) NOT NULL,
  sequence_number VARCHAR(128),
  shard_finished  BOOLEAN      DEFAULT FALSE NOT NULL,
  updated         DATETIME(6) NOT NULL,
  PRIMARY KEY (stream_name, shard_id)
);

-- Which agent instance owns which shard, until the lease expires.
CREATE TABLE shard_lease (
  stream_name VARCHAR(128) NOT NULL,
  shard_id    VARCHAR(128) NOT NULL,
  owner       VARCHAR(128),
  expires     DATETIME(6) NOT NULL,
  lease_count BIGINT       DEFAULT 0 NOT NULL,
  PRIMARY KEY (stream_name, shard_id)
);

-- The embedded stream: one row per stream holds the last sequence number handed out, and
-- appenders lock it so that records become visible in sequence order.
CREATE TABLE local_stream (
  stream_name   VARCHAR(128) NOT NULL PRIMARY KEY,
  last_sequence BIGINT       NOT NULL
);

CREATE TABLE local_stream_record (
  stream_name     VARCHAR(128)  NOT NULL,
  shard_id        VARCHAR(128)  NOT NULL,
  sequence_number BIGINT        NOT NULL,
  partition_key   VARCHAR(256)  NOT NULL,
  data            LONGBLOB          NOT NULL,
  arrival         DATETIME(6)  NOT NULL,
  PRIMARY KEY (stream_name, shard_id, sequence_number)
);

-- The latest state of each submission seen on the stream or produced by the agent.
CREATE TABLE submission_state (
  submission_id      BIGINT        NOT NULL PRIMARY KEY,
  status             VARCHAR(32)   NOT NULL,
  title              VARCHAR(4000),
  created            DATETIME(6),
  updated            VARCHAR(40)   NOT NULL,
  state              LONGTEXT          NOT NULL,
  stored             DATETIME(6)  NOT NULL
);
CREATE INDEX submission_state_created ON submission_state (created);

-- AddProcessStatus events seen on the stream, once each.
CREATE TABLE process_status_event (
  event_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
  created       DATETIME(6) NOT NULL,
  received      DATETIME(6) NOT NULL,
  submission_id BIGINT,
  process_id    VARCHAR(100),
  process       VARCHAR(100) NOT NULL,
  step          VARCHAR(100),
  status        VARCHAR(32)  NOT NULL,
  reason        LONGTEXT,
  agent_type    VARCHAR(16)  NOT NULL,
  agent_id      VARCHAR(100) NOT NULL
);
CREATE INDEX process_status_event_submission ON process_status_event (submission_id);

-- Every process a rule started, with its trigger, progress and outcome. A trigger event starts
-- each process at most once, whatever the redeliveries.
CREATE TABLE process_run (
  process_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  process            VARCHAR(100) NOT NULL,
  submission_id      BIGINT,
  trigger_event_id   VARCHAR(40)  NOT NULL,
  trigger_event_type VARCHAR(64)  NOT NULL,
  trigger_record     LONGTEXT         NOT NULL,
  params             LONGTEXT         NOT NULL,
  status             VARCHAR(32)  NOT NULL,
  next_step          INT          DEFAULT 0 NOT NULL,
  step_attempts      INT          DEFAULT 0 NOT NULL,
  step_results       LONGTEXT         NOT NULL,
  reason             LONGTEXT,
  queued             BOOLEAN      DEFAULT FALSE NOT NULL,
  stream_name        VARCHAR(128),
  shard_id           VARCHAR(128),
  sequence_number    VARCHAR(128),
  created            DATETIME(6) NOT NULL,
  updated            DATETIME(6) NOT NULL,
  CONSTRAINT process_run_trigger UNIQUE (trigger_event_id, process)
);
CREATE INDEX process_run_submission ON process_run (submission_id);
CREATE INDEX process_run_queued ON process_run (queued);

-- Events the agent emitted, with the process and step that emitted them.
CREATE TABLE emitted_event (
  event_id      VARCHAR(40)  NOT NULL PRIMARY KEY,
  process_id    VARCHAR(36),
  step          VARCHAR(100),
  submission_id BIGINT,
  event_type    VARCHAR(64)  NOT NULL,
  created       DATETIME(6) NOT NULL,
  event         LONGTEXT         NOT NULL
);
CREATE INDEX emitted_event_process ON emitted_event (process_id);

-- Events waiting to be put on an external stream (Kinesis); the embedded stream needs none.
CREATE TABLE outbox_record (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  stream_name   VARCHAR(128) NOT NULL,
  partition_key VARCHAR(256) NOT NULL,
  data          LONGBLOB         NOT NULL,
  created       DATETIME(6) NOT NULL
);

-- Records that could not be decoded or handled, kept for inspection and re-driving.
CREATE TABLE quarantined_record (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  stream_name     VARCHAR(128) NOT NULL,
  shard_id        VARCHAR(128) NOT NULL,
  sequence_number VARCHAR(128) NOT NULL,
  partition_key   VARCHAR(256),
  data            LONGBLOB         NOT NULL,
  error           LONGTEXT         NOT NULL,
  quarantined     DATETIME(6) NOT NULL,
  redriven        DATETIME(6),
  CONSTRAINT quarantined_record_position UNIQUE (stream_name, shard_id, sequence_number)
);

-- The job queue shared by the workers (db-scheduler's table).
CREATE TABLE scheduled_tasks (
  task_name            VARCHAR(100)             NOT NULL,
  task_instance        VARCHAR(100)             NOT NULL,
  task_data            LONGBLOB,
  execution_time       DATETIME(6) NOT NULL,
  picked               BOOLEAN                  NOT NULL,
  picked_by            VARCHAR(50),
  last_success         DATETIME(6),
  last_failure         DATETIME(6),
  consecutive_failures INT,
  last_heartbeat       DATETIME(6),
  version              BIGINT                   NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
