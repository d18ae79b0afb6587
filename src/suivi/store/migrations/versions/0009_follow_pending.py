"""follow_pending: the day after which stored articles still await a follow-up re-read

Revision ID: 0009_follow_pending
Revises: 0008_quantities

Why a table: a long ingest writes in segments, and a segment that brings the first report of
an older pledge makes every stored article published after it worth reading again for that
pledge's follow-up. Doing it at every segment re-read the store once per segment (archives
ingested out of date order took hours); the writer notes the day here instead and re-reads
once at the end of the run. Kept in the store, in the segment's transaction, so a run killed
before its end leaves the note for the next run to finish.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_follow_pending"
down_revision = "0008_quantities"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_pending",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("since", sa.String(10), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("follow_pending")
