"""stories, duplicates, merged commitments, disagreements (issue: reconcile)

Why index tables (story_keys, minhash_bands): a new article finds its candidate stories and
near-duplicates through indexed lookups on blocking keys, never by scanning the store.

Revision ID: 0004_reconcile
Revises: 0003_commitments
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_reconcile"
down_revision = "0003_commitments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.Text),
        sa.Column("kind", sa.String(32)),
        sa.Column("event_date", sa.String(10)),
        sa.Column("place", sa.Text),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("centroid", sa.LargeBinary),
        sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_stories_event_date", "stories", ["event_date"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(96), nullable=False),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("key", "story_id", name="pk_story_keys"),
    )
    op.create_index("ix_story_keys_story_id", "story_keys", ["story_id"])
    op.create_table(
        "article_features",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("event_date", sa.String(10)),
        sa.Column("date_source", sa.String(16)),
        sa.Column("kind", sa.String(32)),
        sa.Column("place", sa.Text),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_table(
        "minhash_bands",
        sa.Column("band_key", sa.String(40), nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("band_key", "article_id", name="pk_minhash_bands"),
    )
    op.create_index("ix_minhash_bands_article_id", "minhash_bands", ["article_id"])
    op.create_table(
        "duplicates",
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_index("ix_duplicates_duplicate_of", "duplicates", ["duplicate_of"])
    op.create_table(
        "disagreements",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("values", sa.JSON, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_disagreements_story_id", "disagreements", ["story_id"])
    op.create_table(
        "attributions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_attributions_article_id", "attributions", ["article_id"])
    op.create_table(
        "commitment_parties",
        sa.Column("party_key", sa.String(200), nullable=False),
        sa.Column("commitment_id", sa.Integer, sa.ForeignKey("commitments.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("party_key", "commitment_id", name="pk_commitment_parties"),
    )
    op.create_table(
        "story_summaries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_story_summaries_story_id", "story_summaries", ["story_id"])


def downgrade() -> None:
    for name in (
        "story_summaries",
        "attributions",
        "disagreements",
        "duplicates",
        "minhash_bands",
        "article_features",
        "story_keys",
        "story_articles",
        "stories",
    ):
        op.drop_table(name)
