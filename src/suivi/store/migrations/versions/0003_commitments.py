"""commitment mentions and commitments (issue: commitments)

Revision ID: 0003_commitments
Revises: 0002_reading
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_commitments"
down_revision = "0002_reading"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commitments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("agents", sa.JSON, nullable=False),
        sa.Column("beneficiaries", sa.JSON, nullable=False),
        sa.Column("action", sa.Text),
        sa.Column("sector", sa.String(32)),
        sa.Column("deadline", sa.String(10)),
        sa.Column("deadline_precision", sa.String(16)),
        sa.Column("recurrence", sa.String(16)),
        sa.Column("modality", sa.String(16)),
        sa.Column("first_reported", sa.String(10)),
        sa.Column("story_id", sa.Integer),  # stories arrive in 0004; reconcile fills it
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("key", name="uq_commitments_key"),
    )
    op.create_index("ix_commitments_story_id", "commitments", ["story_id"])
    op.create_table(
        "commitment_mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "commitment_id", sa.Integer, sa.ForeignKey("commitments.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("agents", sa.JSON, nullable=False),
        sa.Column("beneficiaries", sa.JSON, nullable=False),
        sa.Column("agent_text", sa.Text),
        sa.Column("beneficiary_text", sa.Text),
        sa.Column("action", sa.Text),
        sa.Column("sector", sa.String(32)),
        sa.Column("deadline", sa.String(10)),
        sa.Column("deadline_precision", sa.String(16)),
        sa.Column("recurrence", sa.String(16)),
        sa.Column("condition", sa.Text),
        sa.Column("restates", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.UniqueConstraint("key", name="uq_commitment_mentions_key"),
    )
    op.create_index("ix_commitment_mentions_article_id", "commitment_mentions", ["article_id"])
    op.create_index("ix_commitment_mentions_commitment_id", "commitment_mentions", ["commitment_id"])


def downgrade() -> None:
    op.drop_index("ix_commitment_mentions_commitment_id", table_name="commitment_mentions")
    op.drop_index("ix_commitment_mentions_article_id", table_name="commitment_mentions")
    op.drop_table("commitment_mentions")
    op.drop_index("ix_commitments_story_id", table_name="commitments")
    op.drop_table("commitments")
