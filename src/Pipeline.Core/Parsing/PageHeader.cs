namespace Pipeline.Core.Parsing;

/// <summary>The fields an article's header, summary and trailer carry, gathered line by line.</summary>
internal sealed class PageHeader(string headline)
{
    public string Headline { get; } = headline;
    public string? Caption { get; private set; }
    public string? Credit { get; private set; }
    public string? ShortUrl { get; set; }
    public string? UpdatedText { get; private set; }
    public DateTimeOffset? Published { get; set; }
    public string? Byline { get; private set; }
    public string? Edition { get; private set; }
    public List<string> Summary { get; } = [];
    public int HeaderWords { get; set; }
    public int BodyStart { get; set; }

    private bool _updatedReadable;

    /// <summary>The first readable <c>Updated</c> value wins; the trailer's only fills in what the header lacked.</summary>
    public void AddUpdated(string value)
    {
        if (_updatedReadable)
        {
            return;
        }

        var readable = UpdatedTime.Resolve(value, DateTimeOffset.UnixEpoch).Value is not null;
        if (UpdatedText is null || readable)
        {
            (UpdatedText, _updatedReadable) = (value, readable);
        }
    }

    /// <summary>
    /// The first caption and its credit. A second line continues a caption that has no credit yet (a caption copied
    /// over two lines); once the credit closed it, a different line is another picture's caption and is left out.
    /// </summary>
    public void AddCaption(ReadOnlySpan<char> line)
    {
        var (caption, credit) = CaptionCredit.Split(line);
        if (caption is null || caption == Caption)
        {
            Credit ??= credit;
            return;
        }

        if (Caption is null || Credit is null)
        {
            Caption = Caption is null ? caption : Caption + " " + caption;
            Credit ??= credit;
        }
    }

    /// <summary>Edition lines (<c>Arab News Pakistan</c>) and author lines (<c>AAMIR SAEED</c>, <c>By …</c>, an agency).</summary>
    public void AddName(ReadOnlySpan<char> line)
    {
        if (PageText.IsEditionName(line) && Edition is null)
        {
            Edition = line.ToString();
            return;
        }

        var name = (PageText.StartsWithBy(line) ? line[3..] : line).Trim().ToString();
        if (Byline is null)
        {
            Byline = name;
        }
        else if (!Byline.Contains(name, StringComparison.Ordinal))
        {
            Byline += ", " + name;
        }
    }
}
