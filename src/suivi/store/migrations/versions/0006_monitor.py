"""sources polled on a schedule, items they handed over, pending articles, alert targets and outbox (issue 12)

Revision ID: 0006_monitor
Revises: 0005_follow

Why `monitor_pending` and `alert_outbox`: `suivi run` can be stopped at any point; an article
stored but not yet processed, and an alert found but not yet delivered, are both kept in a
row written in the same transaction as what produced them, and finished on the next run.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_monitor"
down_revision = "0005_follow"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("every_seconds", sa.Integer, nullable=False),
        sa.Column("enabled", sa.Boolean, nullable=False, server_default="1"),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_polled_at", sa.DateTime(timezone=True)),
        sa.Column("last_ok_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.DateTime(timezone=True)),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_due_at", sa.DateTime(timezone=True)),
        sa.Column("last_new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("total_new", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_table(
        "source_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_key", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.Text),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("source_id", "item_key", name="uq_source_items_key"),
    )
    op.create_table(
        "monitor_pending",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", ondelete="SET NULL")),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "alert_targets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("rule_id", sa.Integer, sa.ForeignKey("watch_rules.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Text),
    )
    op.create_table(
        "alert_outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("alert_targets.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("state", sa.String(8), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True)),
        sa.Column("last_error", sa.Text),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_alert_outbox_state", "alert_outbox", ["state"])


def downgrade() -> None:
    op.drop_index("ix_alert_outbox_state", "alert_outbox")
    op.drop_table("alert_outbox")
    op.drop_table("alert_targets")
    op.drop_table("monitor_pending")
    op.drop_table("source_items")
    op.drop_table("sources")
