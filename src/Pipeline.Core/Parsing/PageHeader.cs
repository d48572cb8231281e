using Pipeline.Core.Articles;

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

    /// <summary>The headline's line.</summary>
    public int Start { get; init; }

    /// <summary>How many more times the headline is printed in the header (a strong sign it is the headline).</summary>
    public int Repeats { get; set; }

    /// <summary>The line the first caption came from, or -1.</summary>
    public int CaptionLine { get; private set; } = -1;

    /// <summary>A photo gallery's pictures in order (<c>1 / 4</c> … <c>4 / 4</c>).</summary>
    public List<ImageCaption> Gallery { get; } = [];

    private bool _pictureOpen;

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
    public void AddCaption(ReadOnlySpan<char> line, int index)
    {
        CaptionLine = CaptionLine < 0 ? index : CaptionLine;
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

    /// <summary>A gallery counter: the next text line is a new picture's caption.</summary>
    public void StartPicture()
    {
        Gallery.Add(new ImageCaption(null, null));
        _pictureOpen = true;
    }

    /// <summary>
    /// Takes a line of the open gallery picture: its caption (with the credit closing it), or a credit on a line of its
    /// own below the caption. False when the picture is complete, so the line is read as anything else would be.
    /// </summary>
    public bool TakePictureLine(ReadOnlySpan<char> line)
    {
        if (!_pictureOpen)
        {
            return false;
        }

        var picture = Gallery[^1];
        var (caption, credit) = CaptionCredit.Split(line);
        if (picture is { Caption: null, Credit: null })
        {
            Gallery[^1] = new ImageCaption(caption, credit);
            _pictureOpen = credit is null;
            return true;
        }

        _pictureOpen = false;
        if (picture.Credit is null && CaptionCredit.IsCreditOnly(line))
        {
            Gallery[^1] = picture with { Credit = credit ?? line.Trim().ToString() };
            return true;
        }

        return false;
    }

    /// <summary>Edition lines (<c>Arab News Pakistan</c>) and author lines (<c>AAMIR SAEED</c>, <c>By …</c>, an agency).</summary>
    public void AddName(ReadOnlySpan<char> line)
    {
        if (PageText.IsEditionName(line))
        {
            Edition ??= line.ToString();
            return;
        }

        foreach (var name in PageText.Names(PageText.StartsWithBy(line) ? line[3..] : line))
        {
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
}
