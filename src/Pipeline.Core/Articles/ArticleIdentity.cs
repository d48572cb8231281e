using Pipeline.Core.Text;

namespace Pipeline.Core.Articles;

/// <summary>
/// Decides which stored article each article of an upload is, so a re-upload updates instead of duplicating:
/// an explicit <c>id</c>, else an explicit <c>slug</c>, else an unchanged headline of an article from the same blob,
/// else the same story uploaded before in any file (<see cref="StoryKeys"/>), else the article's position in the blob.
/// The headline is tried before the position so that reordering or removing articles in a file never moves one
/// article's content under another's URL; the position still catches an edited headline.
/// </summary>
public sealed class ArticleIdentity(IArticleStore articles)
{
    private const int MaxSlugSuffix = 50;

    /// <param name="seenBefore">
    /// False when the upload was never ingested before: no stored article can come from it, so headlines are not looked up.
    /// </param>
    public async Task<IReadOnlyList<ArticleMatch>> ResolveAsync(string blobName, IReadOnlyList<ParsedArticle> parsed, bool seenBefore, CancellationToken cancellationToken)
    {
        var ids = new string?[parsed.Count];
        var explicitId = new bool[parsed.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < parsed.Count; i++)
        {
            if (parsed[i].Id is { } id && ArticleIds.IsValidExplicit(id) && taken.Add(id))
            {
                ids[i] = id;
            }
            else if (parsed[i].Slug is { } slug && await articles.FindSlugOwnerAsync(Slug.From(slug), cancellationToken) is { } owner && taken.Add(owner))
            {
                ids[i] = owner;
            }

            explicitId[i] = ids[i] is not null;
        }

        for (var i = 0; i < parsed.Count; i++)
        {
            if (ids[i] is null && seenBefore && await FromSameBlobAsync(Slug.From(parsed[i].Headline), blobName, cancellationToken) is { } owner && taken.Add(owner))
            {
                ids[i] = owner;
            }
        }

        var matches = new ArticleMatch?[parsed.Count];
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < parsed.Count; i++)
        {
            var keys = StoryKeys.Of(parsed[i]);
            if (!explicitId[i] && keys.Select(k => firstWithKey.GetValueOrDefault(k, -1)).FirstOrDefault(k => k >= 0, -1) is var earlier and >= 0)
            {
                // Pasted twice into one file: one article, the copy is skipped.
                matches[i] = new ArticleMatch(ids[earlier] ?? string.Empty, RepeatOf: earlier);
                continue;
            }

            keys.ToList().ForEach(k => firstWithKey.TryAdd(k, i));
            var candidate = ids[i];
            if (candidate is null)
            {
                candidate = ArticleIds.ForSource(blobName, i);
                for (var salt = 1; taken.Contains(candidate); salt++)
                {
                    candidate = ArticleIds.ForSource($"{blobName}#{salt}", i);
                }
            }

            // Every key is claimed, so the story is found again from a file that carries only one of them. The first
            // owner found wins for an article known only by its position; one matched by id, slug or headline keeps its own.
            var sameStory = false;
            foreach (var key in keys)
            {
                var owner = await articles.ClaimStoryAsync(key, candidate, cancellationToken);
                if (ids[i] is null && !sameStory && owner is not null && owner != candidate && !taken.Contains(owner))
                {
                    (candidate, sameStory) = (owner, true);
                }
            }

            taken.Add(candidate);
            ids[i] = candidate;
            matches[i] = new ArticleMatch(candidate, sameStory);
        }

        return matches.Select((m, i) => m!.RepeatOf is { } r ? m with { Id = ids[r]! } : m).ToList();
    }

    /// <summary>Claims the slug, or the first free <c>slug-2</c>, <c>slug-3</c>… for a different article with the same headline.</summary>
    public async Task<string> ClaimSlugAsync(string wanted, string id, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= MaxSlugSuffix; n++)
        {
            var slug = n == 1 ? wanted : $"{wanted}-{n}";
            if (await articles.TryClaimSlugAsync(slug, id, cancellationToken))
            {
                return slug;
            }
        }

        var fallback = $"{wanted}-{id[..Math.Min(6, id.Length)]}";
        return await articles.TryClaimSlugAsync(fallback, id, cancellationToken)
            ? fallback
            : throw new InvalidOperationException($"no free slug for '{wanted}'");
    }

    private async Task<string?> FromSameBlobAsync(string slug, string blobName, CancellationToken cancellationToken)
    {
        var owner = await articles.FindSlugOwnerAsync(slug, cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var record = await articles.GetAsync(owner, cancellationToken);
        return record?.SourceBlob == blobName ? owner : null;
    }
}
