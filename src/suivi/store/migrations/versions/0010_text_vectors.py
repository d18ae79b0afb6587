"""text_vectors: sentence vectors of the texts merging and follow-up compare again later

Revision ID: 0010_text_vectors
Revises: 0009_follow_pending

Why: merging compares a new pledge with the stored mentions of its stories, and follow-up
with every commitment's texts; those vectors were kept only in a bounded in-memory cache.
Once a long run (or a new process) had let them go, the writer loaded the sentence encoder
(about 100 MB) to compute them again. Keyed by a hash of the encoder's name and the text, so
a row is a pure cache: it holds nothing the store's texts do not, and a new encoder misses it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_text_vectors"
down_revision = "0009_follow_pending"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_vectors",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("text_vectors")
