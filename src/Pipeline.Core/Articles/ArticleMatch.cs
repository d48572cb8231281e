namespace Pipeline.Core.Articles;

/// <summary>Which stored article an article of an upload is.</summary>
/// <param name="Id">The article's id.</param>
/// <param name="SameStoryAs">Set when the id is that of the same story uploaded earlier in another file (see <see cref="StoryKeys"/>).</param>
/// <param name="RepeatOf">Set (0-based) when the same story already came earlier in this file: this copy is skipped.</param>
public sealed record ArticleMatch(string Id, bool SameStoryAs = false, int? RepeatOf = null);
