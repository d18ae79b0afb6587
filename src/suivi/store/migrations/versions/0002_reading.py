"""actors, mentions, roles, quotes, events and time expressions (issue: reading)

Revision ID: 0002_reading
Revises: 0001_articles
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_reading"
down_revision = "0001_articles"
branch_labels = None
depends_on = None


def _article_fk() -> sa.Column:
    return sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def _span_fk() -> sa.Column:
    return sa.Column("span_id", sa.Integer, sa.ForeignKey("spans.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("code", sa.String(32)),
        sa.Column("wikidata", sa.String(32)),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.UniqueConstraint("key", name="uq_actors_key"),
    )
    op.create_index("ix_actors_kind", "actors", ["kind"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
        _span_fk(),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("serves", sa.String(32)),
        sa.Column("label", sa.String(32)),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
    op.create_table(
        "actor_roles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
        _article_fk(),
        _span_fk(),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("serves", sa.String(32)),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_actor_roles_article", "actor_roles", ["article_id"])
    op.create_index("ix_actor_roles_actor", "actor_roles", ["actor_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        _span_fk(),
        sa.Column("speaker_actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="SET NULL")),
        sa.Column("verb", sa.Text),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_quotes_article", "quotes", ["article_id"])
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_actor_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        _span_fk(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(12)),
        sa.Column("place_actor_id", sa.Integer, sa.ForeignKey("actors.id", ondelete="SET NULL")),
        sa.Column("participants", sa.JSON, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_events_article", "events", ["article_id"])
    op.create_table(
        "time_expressions",
        sa.Column("id", sa.Integer, primary_key=True),
        _article_fk(),
        _span_fk(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(32)),
        sa.Column("precision", sa.String(12), nullable=False),
        sa.Column("start", sa.String(10)),
        sa.Column("end", sa.String(10)),
        sa.Column("recurrence", sa.String(16)),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_time_expressions_article", "time_expressions", ["article_id"])


def downgrade() -> None:
    for table in ("time_expressions", "events", "quotes", "actor_roles", "mentions", "actors"):
        op.drop_table(table)
