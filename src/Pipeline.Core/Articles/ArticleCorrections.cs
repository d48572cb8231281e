namespace Pipeline.Core.Articles;

/// <summary>
/// Fields an editor corrected when approving a held article. They are kept with the article and laid over every later
/// upload of it, so uploading the same file again never undoes an editor's fix.
/// </summary>
public sealed record ArticleCorrections
{
    public string? Headline { get; init; }

    /// <summary>Summary lines; an empty list clears the summary.</summary>
    public IReadOnlyList<string>? Summary { get; init; }

    public string? Caption { get; init; }
    public string? Credit { get; init; }
    public string? Byline { get; init; }

    public bool IsEmpty => Headline is null && Summary is null && Caption is null && Credit is null && Byline is null;

    /// <summary>The fields corrected, for the audit trail: <c>corrected: headline, byline</c>, or null for none.</summary>
    public string? Describe()
    {
        var fields = new (string Name, bool Given)[] { ("headline", Headline is not null), ("summary", Summary is not null), ("caption", Caption is not null), ("credit", Credit is not null), ("byline", Byline is not null) }
            .Where(f => f.Given).Select(f => f.Name).ToList();
        return fields.Count > 0 ? "corrected: " + string.Join(", ", fields) : null;
    }

    /// <summary>These corrections over <paramref name="earlier"/> ones: a field given now wins.</summary>
    public ArticleCorrections Over(ArticleCorrections? earlier) => earlier is null ? this : new()
    {
        Headline = Headline ?? earlier.Headline,
        Summary = Summary ?? earlier.Summary,
        Caption = Caption ?? earlier.Caption,
        Credit = Credit ?? earlier.Credit,
        Byline = Byline ?? earlier.Byline,
    };

    /// <summary>The article with the corrected fields; the lead picture of a gallery takes the corrected caption and credit.</summary>
    public ParsedArticle ApplyTo(ParsedArticle article)
    {
        var caption = Caption ?? article.Caption;
        var credit = Credit ?? article.ImageCredit;
        var gallery = article.Gallery.Count > 0 && (Caption is not null || Credit is not null)
            ? [new ImageCaption(caption, credit), .. article.Gallery.Skip(1)]
            : article.Gallery;
        return article with
        {
            Headline = Headline ?? article.Headline,
            Summary = Summary ?? article.Summary,
            Caption = caption,
            ImageCredit = credit,
            Gallery = gallery,
            Byline = Byline ?? article.Byline,
            ReviewReasons = [],
        };
    }
}
