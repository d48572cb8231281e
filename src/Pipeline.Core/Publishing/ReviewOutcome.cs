using Pipeline.Core.Articles;

namespace Pipeline.Core.Publishing;

/// <summary>What an editor's review decision did: the article as it is now (null when there is none), and whether it was held.</summary>
public sealed record ReviewOutcome(ArticleRecord? Article, bool WasHeld);
