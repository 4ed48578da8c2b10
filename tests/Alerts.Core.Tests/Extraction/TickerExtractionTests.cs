using Alerts.Core.Extraction;

namespace Alerts.Core.Tests.Extraction;

public class TickerExtractionTests
{
    private readonly DealExtractor extractor = new();

    private IReadOnlyList<TickerMention> Tickers(string text, string language = "en") => extractor.Extract(text, language).Tickers;

    private string[] Symbols(string text, string language = "en") => [.. Tickers(text, language).Select(t => t.Symbol)];

    [Theory]
    [InlineData("SoftBank Group Corp 9984.T is in talks to invest more.", "9984.T", "9984", "XTKS")]
    [InlineData("Rival Alphabet GOOGL.O is also bidding.", "GOOGL.O", "GOOGL", "XNAS")]
    [InlineData("Vodafone Group VOD.L fell 2% in London.", "VOD.L", "VOD", "XLON")]
    [InlineData("Skoda is part of the Volkswagen Group <VOWG_p.DE>.", "VOWG_p.DE", "VOWG_P", "XETR")]
    [InlineData("Hong Kong Exchanges (0388.HK) launched the counters.", "0388.HK", "0388", "XHKG")]
    [InlineData("Tesco Plc <TSCO.L> is issuing a bond.", "TSCO.L", "TSCO", "XLON")]
    [InlineData("Air Liquide AIRP.PA rose in Paris.", "AIRP.PA", "AIRP", "XPAR")]
    [InlineData("IBM.N gained after the results.", "IBM.N", "IBM", "XNYS")]
    public void Reads_reuters_codes_with_their_exchange(string text, string symbol, string code, string exchange)
    {
        var ticker = Assert.Single(Tickers(text));
        Assert.Equal((symbol, code, exchange), (ticker.Symbol, ticker.Code, ticker.Exchange));
    }

    [Theory]
    [InlineData("International Business Machines (NYSE: IBM) reported results.", "IBM", "XNYS", "NYSE: IBM")]
    [InlineData("Microsoft (NASDAQ:MSFT) rose.", "MSFT", "XNAS", "NASDAQ:MSFT")]
    [InlineData("Vodafone (LSE:VOD) fell.", "VOD", "XLON", "LSE:VOD")]
    [InlineData("Nutrien (TSX:POT) gained.", "POT", "XTSE", "TSX:POT")]
    [InlineData("Air Liquide (EPA:AI) slipped.", "AI", "XPAR", "EPA:AI")]
    [InlineData("NCL Industries (BSE:502168) signed an agreement.", "502168", "XBOM", "BSE:502168")]
    [InlineData("Airbus (Euronext Paris: AIR) delivered 60 jets.", "AIR", "XPAR", "Euronext Paris: AIR")]
    [InlineData("Carrefour (Paris:CA) publie ses ventes.", "CA", "XPAR", "Paris:CA")]
    [InlineData("Mincor Resources (ASX: MCR) gave an update.", "MCR", "XASX", "ASX: MCR")]
    public void Reads_exchange_prefixed_symbols_without_the_prefix(string text, string symbol, string exchange, string written)
    {
        var ticker = Assert.Single(Tickers(text));
        Assert.Equal((symbol, exchange, written), (ticker.Symbol, ticker.Exchange, ticker.Evidence.Text));
    }

    [Fact]
    public void Reads_cashtags_but_never_dollar_amounts()
    {
        Assert.Equal(["AAPL", "TSLA"], Symbols("$AAPL holders met while $TSLA fell $30 to $212.99."));
        Assert.Equal("$AAPL", Tickers("$AAPL rose.")[0].Evidence.Text);
        Assert.Empty(Tickers("Le groupe a payé 180 milliards $US pour la société.", "fr"));
    }

    [Fact]
    public void Reads_bloomberg_codes_as_whole_symbols()
    {
        var ticker = Assert.Single(Tickers("Air France-KLM AF FP gained 3% in Paris."));
        Assert.Equal(("AF FP", "AF", "XPAR"), (ticker.Symbol, ticker.Code, ticker.Exchange));
        Assert.Equal(["PHAB ST"], Symbols("Pharmacia AB <PHAB ST> forecast higher earnings."));
    }

    [Fact]
    public void Reads_symbols_in_angle_brackets_and_brackets()
    {
        Assert.Equal(["CHEM", "WNX"], Symbols("ChemLawn Corp <CHEM> could attract a higher bid than Waste Management Inc <WNX>."));
        Assert.Equal(["8801"], Symbols("Mitsui Fudosan Co. <8801> said it would buy the rest."));
        Assert.Equal(["AAPL", "WMT"], Symbols("Apple (AAPL) joins Walmart (WMT) in the club."));
        Assert.Equal(["GOOG"], Symbols("Facebook and Google (Alphabet GOOG) must negotiate."));
    }

    [Fact]
    public void Company_names_in_angle_brackets_are_not_tickers()
    {
        Assert.Empty(Tickers("<Qantas Airways Ltd> has placed a firm order for four aircraft."));
    }

    [Theory]
    [InlineData("Shares of XYZ rose 5% in early trade.", "XYZ")]
    [InlineData("Tech heat: GOOGL soars, AAPL pops, MSFT slips, NVDA, AMZN", "GOOGL AAPL MSFT NVDA AMZN")]
    [InlineData("Shares of Microsoft Corp. MSFT, Tesla Inc. TSLA, and Contoso Inc. CTSO, have all gained.", "MSFT TSLA CTSO")]
    [InlineData("Fabrikam FBKM shares jumped after the bid.", "FBKM")]
    public void Reads_bare_symbols_where_the_sentence_marks_them(string text, string symbols)
    {
        Assert.Equal(symbols.Split(' '), Symbols(text));
    }

    [Theory]
    [InlineData("The U.S. economy grew while the CEO of the FTSE 100 group spoke.")]
    [InlineData("Samsung Electronics (KOSPI) gained as the index rose.")]
    [InlineData("China's first joint venture bank, Xiamen International Bank (XIB), reported a profit.")]
    [InlineData("The treasury will issue discount certificates (CTS) on March 18.")]
    [InlineData("The stock closed at $30, up from $28.")]
    [InlineData("OHIO'S FIRST DEFIANCE FINANCIAL TO ACQUIRE COMMERCIAL BANCSHARES IN USD 63M DEAL")]
    [InlineData("The new computers are compatible with most existing IBM PC applications.")]
    [InlineData("UBS (+5,9% à 16,33 francs suisses) enregistre la plus forte hausse du SMI.")]
    [InlineData("Madrid, 12 may (EFECOM).- Las empresas del IBEX 35 ganaron más.")]
    [InlineData("The S.A. unit and the U.K. arm of H.K. group merged.")]
    public void Avoids_acronyms_company_abbreviations_and_dollar_amounts(string text)
    {
        Assert.Empty(Tickers(text));
    }

    [Fact]
    public void Initials_in_brackets_count_when_the_story_writes_symbols_in_brackets()
    {
        Assert.Equal(["AAPL", "GE"], Symbols("Apple's (AAPL) results beat General Electric (GE) again."));
    }

    [Fact]
    public void Repeats_count_once_per_mention()
    {
        Assert.Equal(["INTC", "INTC"], Symbols("Intel Corp <INTC> chips power it; the Intel Corp <INTC> 80386 is fast."));
    }

    [Fact]
    public void A_watchlist_entry_matches_the_reuters_code_in_text()
    {
        var ticker = Assert.Single(Tickers("Alphabet GOOGL.O slipped."));
        var wanted = TickerNormalizer.TryNormalize("NASDAQ:GOOGL");
        Assert.NotNull(wanted);
        Assert.True(wanted.Value.Matches(new TickerKey(ticker.Code, ticker.Exchange)));
        Assert.False(TickerNormalizer.TryNormalize("NYSE:GOOGL")!.Value.Matches(new TickerKey(ticker.Code, ticker.Exchange)));
    }

    [Theory]
    [InlineData("AF FP", "AF", "XPAR")]
    [InlineData("VOD LN Equity", "VOD", "XLON")]
    [InlineData("Euronext Paris: AIR", "AIR", "XPAR")]
    [InlineData("Paris:CA", "CA", "XPAR")]
    [InlineData("$AAPL", "AAPL", null)]
    [InlineData("<TSCO.L>", "TSCO", "XLON")]
    public void Normalizes_the_written_forms(string written, string code, string? exchange)
    {
        var key = TickerNormalizer.TryNormalize(written);
        Assert.Equal(new TickerKey(code, exchange), key);
    }
}
