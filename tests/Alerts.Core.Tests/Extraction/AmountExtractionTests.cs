using System.Globalization;
using Alerts.Core.Extraction;

namespace Alerts.Core.Tests.Extraction;

public class AmountExtractionTests
{
    private readonly DealExtractor extractor = new();

    private static decimal D(string value) => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private IReadOnlyList<MoneyAmount> Amounts(string text, string? language = null) => extractor.Extract(text, language).Amounts;

    private void AssertSingle(string text, string? language, string value, string currency)
    {
        var amount = Assert.Single(Amounts(text, language));
        Assert.Equal(D(value), amount.Value);
        Assert.Equal(currency, amount.Currency);
    }

    [Theory]
    [InlineData("Contoso paid $1,234.56 for the licence.", "1234.56", "USD")]
    [InlineData("The fund raised $2.4bn from investors.", "2400000000", "USD")]
    [InlineData("Revenue reached $10.39B in the quarter.", "10390000000", "USD")]
    [InlineData("It sold the unit for £27m last year.", "27000000", "GBP")]
    [InlineData("The bid values Fabrikam at 3.2 bln dlrs.", "3200000000", "USD")]
    [InlineData("Profit was 12.5 mln dlrs in the year.", "12500000", "USD")]
    [InlineData("Sales rose to 4.7 billion dollars.", "4700000000", "USD")]
    [InlineData("Its market value topped $3 trillion on Friday.", "3000000000000", "USD")]
    [InlineData("The deal is worth USD 63M in cash.", "63000000", "USD")]
    [InlineData("The state will spend 1.2 tn yen on roads.", "1200000000000", "JPY")]
    [InlineData("A $50k grant was awarded.", "50000", "USD")]
    [InlineData("They agreed on 750 thousand dollars.", "750000", "USD")]
    [InlineData("Net debt stood at 45 mn euros.", "45000000", "EUR")]
    public void Reads_english_number_formats_and_scales(string text, string value, string currency) =>
        AssertSingle(text, "en", value, currency);

    [Theory]
    [InlineData("Le groupe rachète son rival pour 2,5 milliards d'euros.", "2500000000", "EUR")]
    [InlineData("La société a levé 12,5 millions de dollars.", "12500000", "USD")]
    [InlineData("Le plan de 1.100 milliards d'euros a été adopté.", "1100000000000", "EUR")]
    [InlineData("Le capital atteint 1 234,56 euros.", "1234.56", "EUR")]
    [InlineData("Le chiffre d'affaires s'élève à 2 450 ME sur l'exercice.", "2450000000", "EUR")]
    [InlineData("Le résultat opérationnel ressort à 706 M€ au semestre.", "706000000", "EUR")]
    [InlineData("Les ventes atteignent 40,6 Md€ au premier semestre.", "40600000000", "EUR")]
    [InlineData("Le dividende de 1,33E par action sera versé en juillet.", "1.33", "EUR")]
    [InlineData("Le titre cède 2 % à 14,20 € à la clôture.", "14.2", "EUR")]
    [InlineData("Le baril de Brent termine à 61,50$ ce soir.", "61.5", "USD")]
    [InlineData("L'opération porte sur 130,1 milliards $US selon l'annonce.", "130100000000", "USD")]
    [InlineData("Les deux groupes valent ensemble 2 billions de dollars, dit-il.", "2000000000000", "USD")]
    [InlineData("Le groupe investit deux milliards d'euros dans ses usines.", "2000000000", "EUR")]
    [InlineData("Le capital est porté à 1\u00A0234\u00A0567 euros.", "1234567", "EUR")]
    [InlineData("La dette atteint 3\u202F400 millions d'euros.", "3400000000", "EUR")]
    public void Reads_french_number_formats_and_scales(string text, string value, string currency) =>
        AssertSingle(text, "fr", value, currency);

    [Theory]
    [InlineData("Der Konzern zahlt 2,5 Mrd. Euro für den Rivalen.", "2500000000", "EUR")]
    [InlineData("Der Umsatz stieg auf 845 Mio. Euro im Jahr.", "845000000", "EUR")]
    [InlineData("Die Bank verdiente 1,07 Milliarden Franken im Jahr.", "1070000000", "CHF")]
    [InlineData("Die Staatsschulden betragen zwei Billionen Euro.", "2000000000000", "EUR")]
    [InlineData("Das Unternehmen investiert vier Milliarden Dollar in Werke.", "4000000000", "USD")]
    [InlineData("Die Aktie schloss bei 48,23 Euro am Freitag.", "48.23", "EUR")]
    [InlineData("Der Nennwert beträgt 0,0001 US-Dollar pro Aktie.", "0.0001", "USD")]
    [InlineData("Die Firma meldet einen Gewinn von 350 Tsd. Euro im Jahr.", "350000", "EUR")]
    [InlineData("Der Preis liegt bei CHF 1'234.50 pro Stück.", "1234.5", "CHF")]
    [InlineData("Der Kauf kostet 12,5 Millionen Euro insgesamt.", "12500000", "EUR")]
    public void Reads_german_number_formats_and_scales(string text, string value, string currency) =>
        AssertSingle(text, "de", value, currency);

    [Theory]
    [InlineData("La empresa ganó 4.323 millones de euros en el año.", "4323000000", "EUR")]
    [InlineData("La compra costó 19 mil millones de dólares al grupo.", "19000000000", "USD")]
    [InlineData("La facturación fue de 11 mil 200 millones de dólares en el año.", "11200000000", "USD")]
    [InlineData("La deuda llegó a 5,5 billones de pesos el año pasado.", "5500000000000", "MXN")]
    [InlineData("AT&T reporta ganancias por 3,652 mdd en el trimestre", "3652000000", "USD")]
    [InlineData("El gobierno recibió 158.6 mmdp de la petrolera.", "158600000000", "MXN")]
    [InlineData("La acción subió a 1,20 dólares en la sesión.", "1.2", "USD")]
    [InlineData("El banco ganó 2.091,3 millones de euros en el año.", "2091300000", "EUR")]
    [InlineData("La firma pagará dos euros por acción a sus socios.", "2", "EUR")]
    [InlineData("Las ventas subieron a US$31.600 millones en el período.", "31600000000", "USD")]
    public void Reads_spanish_number_formats_and_scales(string text, string value, string currency) =>
        AssertSingle(text, "es", value, currency);

    [Theory]
    [InlineData("The unit was sold for C$450 million.", "450000000", "CAD")]
    [InlineData("The miner is worth A$1.2 billion.", "1200000000", "AUD")]
    [InlineData("Turnover reached HK$136 billion on Monday.", "136000000000", "HKD")]
    [InlineData("The REIT raised S$300 million in its offering.", "300000000", "SGD")]
    [InlineData("The dairy group paid NZ$75 million for the plant.", "75000000", "NZD")]
    [InlineData("The bank lent R$2 billion to farmers.", "2000000000", "BRL")]
    [InlineData("The insurer paid US$17.5 billion for the book.", "17500000000", "USD")]
    [InlineData("Shares closed at €12.30 on Friday.", "12.3", "EUR")]
    [InlineData("The firm sold bonds worth ¥20 billion.", "20000000000", "JPY")]
    [InlineData("The state lender will invest ₹500 crore in the plant.", "5000000000", "INR")]
    [InlineData("The watchmaker earned CHF 2.3 billion last year.", "2300000000", "CHF")]
    [InlineData("The bank's shares rose to Fr. 16.50 on Tuesday.", "16.5", "CHF")]
    [InlineData("The company will pay Rs 294 per share in cash.", "294", "INR")]
    [InlineData("The mill was bought for Rs 5 crore in 2019.", "50000000", "INR")]
    [InlineData("The fund invested Rs 2 lakh in each start-up.", "200000", "INR")]
    [InlineData("The group booked EUR 450 million of impairments.", "450000000", "EUR")]
    [InlineData("The group booked 450 million EUR of impairments.", "450000000", "EUR")]
    public void Reads_currency_symbols_prefixes_and_iso_codes(string text, string value, string currency) =>
        AssertSingle(text, "en", value, currency);

    [Theory]
    [InlineData("The carmaker earned 35 billion yen in the year.", "en", "35000000000", "JPY")]
    [InlineData("The lender booked 370 mln yuan of bad loans.", "en", "370000000", "CNY")]
    [InlineData("Output was valued at 12 billion renminbi last year.", "en", "12000000000", "CNY")]
    [InlineData("The issue raised 100 mln stg for the retailer.", "en", "100000000", "GBP")]
    [InlineData("The bond pays 2 million pounds sterling a year.", "en", "2000000", "GBP")]
    [InlineData("The Zurich bank earned 905 mln Swiss francs in the year.", "en", "905000000", "CHF")]
    [InlineData("The Stockholm group forecast 6 billion crowns in sales.", "en", "6000000000", "SEK")]
    [InlineData("The Seoul chipmaker earned 50 trillion won last year.", "en", "50000000000000", "KRW")]
    [InlineData("The Mumbai refiner earned 8 billion rupees last year.", "en", "8000000000", "INR")]
    [InlineData("La banque suisse a gagné 762 millions de francs suisses cette année.", "fr", "762000000", "CHF")]
    [InlineData("Le groupe japonais paiera 2,2 milliards de yens pour la société.", "fr", "2200000000", "JPY")]
    [InlineData("Der Konzern setzte 7,47 Milliarden Franken um.", "de", "7470000000", "CHF")]
    [InlineData("Die Bank zahlt 300 Millionen Pfund für das Geschäft.", "de", "300000000", "GBP")]
    [InlineData("Samsung ganó 50,55 billones de wones en el año.", "es", "50550000000000", "KRW")]
    [InlineData("El grupo pagó 850 millones de reales por la planta.", "es", "850000000", "BRL")]
    public void Reads_currency_words_in_four_languages(string text, string language, string value, string currency) =>
        AssertSingle(text, language, value, currency);

    [Theory]
    [InlineData("The shares rose 113p to close the day.", "1.13", "GBP")]
    [InlineData("The offer is 700p for each ordinary share.", "7", "GBP")]
    [InlineData("The dividend is 35 pence a share this year.", "0.35", "GBP")]
    [InlineData("Earnings were 76 cts a share in the quarter.", "0.76", "USD")]
    [InlineData("The board declared a dividend of 12 cents a share.", "0.12", "USD")]
    public void Converts_pence_and_cents_to_the_main_unit(string text, string value, string currency) =>
        AssertSingle(text, "en", value, currency);

    [Fact]
    public void Converts_spanish_centavos_de_dolar()
    {
        AssertSingle("La firma ganó 27 centavos de dólar por acción en el trimestre.", "es", "0.27", "USD");
    }

    [Fact]
    public void Keeps_a_written_minus_sign_but_not_losses_in_words()
    {
        AssertSingle("La dette nette recule de -5,3 ME sur l'exercice.", "fr", "-5300000", "EUR");
        AssertSingle("The company posted a loss of 3.3 mln dlrs in the year.", "en", "3300000", "USD");
    }

    [Fact]
    public void Reads_hyphenated_fractions_of_old_stock_prices()
    {
        AssertSingle("The bonds were priced at 352-1/2 dlrs each.", "en", "352.5", "USD");
    }

    [Fact]
    public void Reads_indian_digit_grouping()
    {
        AssertSingle("The trust donated Rs 1,00,000 to the school.", "en", "100000", "INR");
    }

    [Fact]
    public void Reads_a_stray_space_after_the_decimal_comma()
    {
        AssertSingle("Le billet est vendu 175, 70 euros en ligne.", "fr", "175.70", "EUR");
    }

    [Fact]
    public void Extracts_french_milliards_with_decimal_comma()
    {
        AssertSingle("Google débourse 12,5 milliards de dollars pour le fabricant.", "fr", "12500000000", "USD");
    }

    [Fact]
    public void Reads_english_billion_as_ten_to_the_ninth_and_french_billion_as_ten_to_the_twelfth()
    {
        AssertSingle("The state plans to spend 2 billion euros.", "en", "2000000000", "EUR");
        AssertSingle("L'Etat prévoit de dépenser 2 billions d'euros.", "fr", "2000000000000", "EUR");
        AssertSingle("El Estado gastará 2 billones de euros.", "es", "2000000000000", "EUR");
    }

    [Fact]
    public void A_range_gives_two_amounts_with_shared_currency_and_scale()
    {
        var amounts = Amounts("The company expects revenue of between 26 to 28 mln dlrs this year.", "en");
        Assert.Equal([D("26000000"), D("28000000")], amounts.Select(a => a.Value));
        Assert.All(amounts, a => Assert.Equal("USD", a.Currency));
    }

    [Fact]
    public void A_hyphenated_dollar_range_shares_the_scale()
    {
        var amounts = Amounts("The unit could fetch $10-12 million, bankers said.", "en");
        Assert.Equal([D("10000000"), D("12000000")], amounts.Select(a => a.Value));
        Assert.All(amounts, a => Assert.Equal("USD", a.Currency));
    }

    [Theory]
    [InlineData("Les investissements seront compris entre 2,5 et 2,6 Md€ cette année.", "fr", "2500000000", "2600000000", "EUR")]
    [InlineData("Der Vorstand rechnet mit einem Umsatz zwischen 17 und 19 Mio. Euro.", "de", "17000000", "19000000", "EUR")]
    [InlineData("Los ingresos irán de 11 a 13 millones de dólares este año.", "es", "11000000", "13000000", "USD")]
    [InlineData("Analysts see a price of between $1bn and $2bn for the unit.", "en", "1000000000", "2000000000", "USD")]
    public void Reads_ranges_in_four_languages(string text, string language, string low, string high, string currency)
    {
        var amounts = Amounts(text, language);
        Assert.Equal([D(low), D(high)], amounts.Select(a => a.Value));
        Assert.All(amounts, a => Assert.Equal(currency, a.Currency));
    }

    [Fact]
    public void An_elliptical_amount_takes_the_currency_of_the_amount_before()
    {
        var amounts = Amounts("Sales fell to 3.1 billion stg from 4.2 billion in 2019, the company said.", "en");
        Assert.Equal([D("3100000000"), D("4200000000")], amounts.Select(a => a.Value));
        Assert.All(amounts, a => Assert.Equal("GBP", a.Currency));
    }

    [Fact]
    public void French_dont_takes_the_currency_of_the_total()
    {
        var amounts = Amounts("Le groupe a investi 3 milliards d'euros, dont 1,9 milliard en France.", "fr");
        Assert.Equal([D("3000000000"), D("1900000000")], amounts.Select(a => a.Value));
        Assert.All(amounts, a => Assert.Equal("EUR", a.Currency));
    }

    [Fact]
    public void A_scaled_number_without_any_currency_in_the_text_is_not_an_amount()
    {
        Assert.Empty(Amounts("Die Firma ließ sich den Kauf knapp 100 Milliarden kosten.", "de"));
        Assert.Empty(Amounts("The platform now has 421 million users worldwide.", "en"));
    }

    [Fact]
    public void Share_counts_and_user_counts_after_an_amount_are_not_amounts()
    {
        var amounts = Amounts("The bid of 27 dlrs a share covers 10.1 mln shares and 3.8 mln of the warrants.", "en");
        var amount = Assert.Single(amounts);
        Assert.Equal(27m, amount.Value);
        Assert.Empty(Amounts("La société revendique plus de 60 millions d'utilisateurs et 3 millions d'abonnés.", "fr"));
        Assert.Empty(Amounts("The company will issue 8.57 crore shares to the public.", "en"));
    }

    [Theory]
    [InlineData("The index rose 1.5% to 29,707.94 points.", "en")]
    [InlineData("Le CAC 40 gagne 0,8 % à 7 512,30 points.", "fr")]
    [InlineData("Die Aktie stieg um 2,3 Prozent auf 48 Punkte.", "de")]
    [InlineData("Las ventas crecieron un 30,4 % en 2017.", "es")]
    [InlineData("The plant will add 300 jobs by 2026, bringing the workforce to 1,500.", "en")]
    [InlineData("The bond pays 5-1/8 pct and is priced at 103-3/8.", "en")]
    [InlineData("The yen traded at 152.30 per dollar on Monday.", "en")]
    [InlineData("Profits rose 12 percent in 1986 and 9 per cent in 1987.", "en")]
    [InlineData("La croissance est attendue entre 7 et 11% cette année.", "fr")]
    [InlineData("Entre 6 a 8 por ciento caerán los ingresos.", "es")]
    public void Percentages_index_points_years_and_bare_numbers_are_not_amounts(string text, string language) =>
        Assert.Empty(Amounts(text, language));

    [Fact]
    public void Per_share_prices_are_amounts()
    {
        AssertSingle("The buyer offered $40 a share in cash.", "en", "40", "USD");
        AssertSingle("Das Konsortium bietet 18,50 Euro je Aktie.", "de", "18.50", "EUR");
    }

    [Fact]
    public void A_conversion_note_gives_both_amounts()
    {
        var amounts = Amounts("The deal is worth 2 billion Australian dollars. ($1 = 1.5773 Australian dollars)", "en");
        Assert.Collection(
            amounts,
            a => Assert.Equal(("AUD", D("2000000000")), (a.Currency, a.Value)),
            a => Assert.Equal(("USD", 1m), (a.Currency, a.Value)),
            a => Assert.Equal(("AUD", D("1.5773")), (a.Currency, a.Value)));
    }

    [Fact]
    public void A_bare_dollar_in_parentheses_after_another_currency_is_usd()
    {
        var amounts = Amounts("Turnover was 177 million Hong Kong dollars ($22.65 million) on the day.", "en");
        Assert.Equal(["HKD", "USD"], amounts.Select(a => a.Currency));
    }

    [Fact]
    public void Bare_dlrs_follow_the_dollar_the_story_names()
    {
        var amounts = Amounts("Profit rose to 1.28 billion H.K. Dlrs in 1986 against 551.7 mln dlrs a year earlier.", "en");
        Assert.Equal(["HKD", "HKD"], amounts.Select(a => a.Currency));
        var canadian = Amounts("The preferred pays 2.25 Canadian dlrs a share; it was issued at 25 dlrs.", "en");
        Assert.Equal(["CAD", "CAD"], canadian.Select(a => a.Currency));
        var american = Amounts("The stock rose 2 dlrs to 40 dlrs on Monday.", "en");
        Assert.Equal(["USD", "USD"], american.Select(a => a.Currency));
    }

    [Theory]
    [InlineData("Belgium's second bank raised capital by five billion francs.", "BEF")]
    [InlineData("The French oil group expects a 1.5 billion franc loss.", "FRF")]
    [InlineData("Switzerland's surplus reached 297 mln francs last year.", "CHF")]
    [InlineData("Pakistan's reserves fell to 8.43 billion rupees.", "PKR")]
    [InlineData("Qatar projected a deficit of 5.472 billion riyals.", "QAR")]
    [InlineData("The Danish brewer earned 4 billion crowns.", "DKK")]
    [InlineData("The Mexican retailer sold 3 billion pesos of bonds.", "MXN")]
    [InlineData("The Argentine utility owes 20 billion pesos.", "ARS")]
    public void Currency_from_context(string text, string currency)
    {
        Assert.Equal(currency, Assert.Single(Amounts(text, "en")).Currency);
    }

    [Theory]
    [InlineData("Contoso will pay up to $30 million for the unit.", "en", AmountQualifier.UpperBound)]
    [InlineData("The stake is worth about $2 billion.", "en", AmountQualifier.Approximate)]
    [InlineData("The group earns more than $100 billion a year.", "en", AmountQualifier.LowerBound)]
    [InlineData("The group paid $5 million for the brand.", "en", AmountQualifier.Exact)]
    [InlineData("SoftBank pourrait investir jusqu'à 30 milliards de dollars.", "fr", AmountQualifier.UpperBound)]
    [InlineData("La valorisation atteindrait environ 830 milliards de dollars.", "fr", AmountQualifier.Approximate)]
    [InlineData("La dépréciation dépasse plus de 4 milliards d'euros.", "fr", AmountQualifier.LowerBound)]
    [InlineData("Der Kauf kostet rund 3,9 Milliarden Euro.", "de", AmountQualifier.Approximate)]
    [InlineData("Der Fonds investiert bis zu 2 Milliarden Euro.", "de", AmountQualifier.UpperBound)]
    [InlineData("Die Bank verdiente über 5 Milliarden Euro.", "de", AmountQualifier.LowerBound)]
    [InlineData("La firma vale unos 1.200 millones de dólares.", "es", AmountQualifier.Approximate)]
    [InlineData("El fondo invertirá hasta 500 millones de euros.", "es", AmountQualifier.UpperBound)]
    [InlineData("El deterioro fue de más de 4.900 millones de euros.", "es", AmountQualifier.LowerBound)]
    public void Reads_qualifiers_in_four_languages(string text, string language, AmountQualifier qualifier)
    {
        Assert.Equal(qualifier, Assert.Single(Amounts(text, language)).Qualifier);
    }

    [Fact]
    public void The_same_amount_written_twice_is_listed_twice()
    {
        Assert.Equal(2, Amounts("Apple announced a $100 billion buyback, the largest $100 billion plan yet.", "en").Count);
    }

    [Fact]
    public void Evidence_points_at_the_written_amount()
    {
        const string text = "Dow Jones is buying Financial News for £27m (€20m).";
        var amounts = Amounts(text, "en");
        Assert.Equal(["£27m", "€20m"], amounts.Select(a => a.Evidence.Text));
        Assert.All(amounts, a => Assert.Equal(a.Evidence.Text, text.Substring(a.Evidence.Start, a.Evidence.Length)));
    }

    [Fact]
    public void Comparative_difference_takes_unit_of_the_amount_it_compares_to()
    {
        var amounts = Amounts("La société a levé 243 millions de dollars, soit 110 de moins que prévu.", "fr");
        Assert.Equal([D("243000000"), D("110000000")], amounts.Select(a => a.Value));
    }

    [Fact]
    public void Detects_the_language_when_none_is_given()
    {
        var amounts = Amounts("Le groupe a annoncé un plan de 1.100 milliards d'euros pour les entreprises et les ménages.");
        Assert.Equal(D("1100000000000"), Assert.Single(amounts).Value);
    }
}
