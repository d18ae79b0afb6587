"""status changes, audit entries, review decisions, watch rules (issue: follow-up)

Revision ID: 0005_follow
Revises: 0004_reconcile

Why no foreign key to `commitments`: reconcile may rebuild commitments (new ids) on a re-run;
follow-up rows and analyst decisions hang on the commitment's stable natural `key` instead.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_follow"
down_revision = "0004_reconcile"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("commitment_id", sa.Integer),
        sa.Column("commitment_key", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE")),
        sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="SET NULL")),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("actor_name", sa.Text),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("effective_date", sa.String(10)),
        sa.Column("confidence", sa.Float, nullable=False, server_default="1.0"),
        sa.Column("cue", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("source_ref", sa.Text),
        sa.Column("occurrence", sa.String(10)),
        sa.Column("extractor_version", sa.String(32)),
    )
    op.create_index("ix_status_changes_key", "status_changes", ["commitment_key"])
    op.create_index("ix_status_changes_article", "status_changes", ["article_id"])
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("target_type", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Text, nullable=False),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("why", sa.Text),
    )
    op.create_index("ix_audit_entries_target", "audit_entries", ["target_type", "target_id"])
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.Text, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("commitment_key", sa.Text, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("why", sa.Text),
    )
    op.create_index("ix_review_decisions_key", "review_decisions", ["commitment_key"])
    op.create_table(
        "watch_rules",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("sector", sa.Text),
        sa.Column("within_days", sa.Integer),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_run_at", sa.DateTime(timezone=True)),
        sa.UniqueConstraint("name", name="uq_watch_rules_name"),
    )
    op.create_table(
        "watch_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule_id", sa.Integer, sa.ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("items", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("watch_runs")
    op.drop_table("watch_rules")
    op.drop_table("review_decisions")
    op.drop_index("ix_audit_entries_target", "audit_entries")
    op.drop_table("audit_entries")
    op.drop_index("ix_status_changes_article", "status_changes")
    op.drop_index("ix_status_changes_key", "status_changes")
    op.drop_table("status_changes")
