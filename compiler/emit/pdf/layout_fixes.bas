REM  The fix-ups the PDF worker (uno_worker.py) makes in a document before
REM  exporting it, run inside LibreOffice's own process as an application
REM  Basic library. Over the worker's pipe each UNO call costs 1-3 ms, and
REM  these walk every footnote and every field of the document: 25 footnotes
REM  took 0.35 s from Python and take 0.05 s here. LibreOffice Basic needs no
REM  package beyond LibreOffice itself. The worker installs this module at
REM  each start, so the profile always holds the version of this bzc.
REM  Basic's And and Or evaluate both sides: the nested Ifs are on purpose.
REM  Each entry point returns its count, or on a Basic error a text naming it,
REM  which the worker raises (a Basic error would otherwise end the macro
REM  silently, as no one sees its dialog).

Option Explicit

REM  LibreOffice 7.4 imports a footnote with w:customMarkFollows as a footnote
REM  whose label is the mark *and* keeps the mark's run after it, so the
REM  running text shows "1)1)". Word wants the mark typed at the start of the
REM  footnote's text too, which LibreOffice prints after its own label. Both
REM  runs are the label's text: remove them. Returns how many were removed.
Function DropRepeatedFootnoteMarks(oDoc As Object) As Variant
    Dim oNotes As Object, oNote As Object, oAnchor As Object, oCursor As Object
    Dim i As Long, nRemoved As Long, sLabel As String
    On Error GoTo Failed
    oNotes = oDoc.getFootnotes()
    For i = 0 To oNotes.getCount() - 1
        oNote = oNotes.getByIndex(i)
        sLabel = oNote.getLabel()
        If sLabel <> "" Then
            oAnchor = oNote.getAnchor()
            oCursor = oAnchor.getText().createTextCursorByRange(oAnchor.getEnd())
            If oCursor.goRight(Len(sLabel), True) Then
                If oCursor.getString() = sLabel Then
                    oCursor.setString("")
                    nRemoved = nRemoved + 1
                End If
            End If
            oCursor = oNote.createTextCursorByRange(oNote.getStart())
            If oCursor.goRight(Len(sLabel), True) Then
                If oCursor.getString() = sLabel Then
                    REM  The space bzc writes between the mark and the text goes
                    REM  too: LibreOffice puts its own distance after the label.
                    If oCursor.goRight(1, True) Then
                        If Right(oCursor.getString(), 1) <> " " Then oCursor.goLeft(1, True)
                    End If
                    oCursor.setString("")
                    nRemoved = nRemoved + 1
                End If
            End If
        End If
    Next i
    DropRepeatedFootnoteMarks = nRemoved
    Exit Function
Failed:
    DropRepeatedFootnoteMarks = "Basic error " & Err & " at line " & Erl & ": " & Error$
End Function

REM  Fills the 目次 (and any other index). The 目次 can itself move pages, so
REM  it is updated again when the page count changed (toolchain notes 5.3).
REM  The other fields are not refreshed: bzc's are REF fields, whose results
REM  bzc writes as it resolved them, and PAGE fields, which LibreOffice sets
REM  as it lays out their page. A refresh gave the same PDFs (text, pictures
REM  of every page, links) on the benchmark and the test documents, and made
REM  LibreOffice lay out every page again, 0.15-0.2 s each time. Returns the
REM  passes made.
Function UpdateIndexes(oDoc As Object) As Variant
    Dim oIndexes As Object, oController As Object
    Dim nPass As Long, i As Long, nBefore As Long
    On Error GoTo Failed
    oIndexes = oDoc.getDocumentIndexes()
    oController = oDoc.getCurrentController()
    For nPass = 1 To 3
        nBefore = oController.getPropertyValue("PageCount")
        For i = 0 To oIndexes.getCount() - 1
            oIndexes.getByIndex(i).update()
        Next i
        If oIndexes.getCount() = 0 Then Exit For
        If oController.getPropertyValue("PageCount") = nBefore Then Exit For
    Next nPass
    If nPass > 3 Then nPass = 3
    UpdateIndexes = nPass
    Exit Function
Failed:
    UpdateIndexes = "Basic error " & Err & " at line " & Erl & ": " & Error$
End Function

REM  bzc writes a reference to a numbered clause as REF \r \t \h (see
REM  compiler/emit/docx/cross_references.cpp): Word's \t drops the full-width
REM  space that ends each clause number ("%1.%2　", the gap before the title).
REM  LibreOffice knows no \t and draws the number with the gap, 见4.1　的规定,
REM  whatever the cached result, as soon as it lays the page out. Each such
REM  field becomes its number without the gap, as plain text linked to the
REM  same bookmark, so the PDF reads and jumps as the field would. Returns the
REM  fields settled.
Function SettleNumberReferences(oDoc As Object) As Variant
    Dim oEnum As Object, oField As Object, oAnchor As Object, oText As Object, oCursor As Object
    Dim aFields() As Object, aNumbers() As String, aBookmarks() As String, n As Long, i As Long, nPart As Integer
    On Error GoTo Failed
    REM  Every number is read before the first edit: after an edit LibreOffice
    REM  computes each field it is asked for again (5.0 s for 140 fields of the
    REM  benchmark standard, against 1.1 s read first).
    REM  com.sun.star.text.ReferenceFieldPart NUMBER, NUMBER_NO_CONTEXT, NUMBER_FULL_CONTEXT.
    oEnum = oDoc.getTextFields().createEnumeration()
    Do While oEnum.hasMoreElements()
        oField = oEnum.nextElement()
        If oField.supportsService("com.sun.star.text.textfield.GetReference") Then
            nPart = oField.ReferenceFieldPart
            If nPart = 8 Or nPart = 9 Or nPart = 10 Then
                ReDim Preserve aFields(n)
                ReDim Preserve aNumbers(n)
                ReDim Preserve aBookmarks(n)
                aFields(n) = oField
                aNumbers(n) = WithoutTrailingGap(oField.getPresentation(False))
                aBookmarks(n) = oField.SourceName
                n = n + 1
            End If
        End If
    Loop
    REM  With the controllers locked LibreOffice does not redraw after each edit:
    REM  0.44-0.66 s for the 140, against 1.3-3.5 s unlocked (same machine, in
    REM  turns). addActionLock, tried too, hung LibreOffice.
    oDoc.lockControllers()
    For i = 0 To n - 1
        oField = aFields(i)
        oAnchor = oField.getAnchor()
        oText = oAnchor.getText()
        oCursor = oText.createTextCursorByRange(oAnchor.getStart())
        oText.insertString(oCursor, aNumbers(i), False)
        oCursor.goLeft(Len(aNumbers(i)), True)
        oCursor.HyperLinkURL = "#" & aBookmarks(i)
        REM  Drawn as the text around it, not as LibreOffice's blue, underlined
        REM  link style (bzc's running text has neither colour nor underline).
        oCursor.CharColor = -1
        oCursor.CharUnderline = 0
        oField.dispose()
    Next i
    oDoc.unlockControllers()
    SettleNumberReferences = n
    Exit Function
Failed:
    SettleNumberReferences = "Basic error " & Err & " at line " & Erl & ": " & Error$
End Function

Function WithoutTrailingGap(sText As String) As String
    Dim nEnd As Long, sLast As String
    nEnd = Len(sText)
    Do While nEnd > 0
        sLast = Mid(sText, nEnd, 1)
        If sLast <> Chr(&H3000) And sLast <> " " And sLast <> Chr(9) Then Exit Do
        nEnd = nEnd - 1
    Loop
    WithoutTrailingGap = Left(sText, nEnd)
End Function

REM  表N（续）: GB/T 1.1 prints a table that runs on to another page again under
REM  its number and （续）, with its header rows and its unit line. LibreOffice
REM  repeats the header rows but knows no continuation caption, so each table
REM  under a caption (a paragraph of one of sCaptionStyles, names separated by
REM  "|", before the table or before its unit line of sUnitStyle) is split
REM  where it breaks, top to bottom (each caption moves what follows), and
REM  the paragraph between the parts gets the caption and the unit line. A
REM  heading of one row is copied by .uno:SplitTable itself; one of several
REM  rows is pasted above each new part (ContinueTable). Runs after the
REM  indexes are filled, whose length moves the breaks; the caller updates
REM  them again, as the captions can move later headings. Returns the splits
REM  made.
Function ContinueTables(oDoc As Object, sCaptionStyles As String, sUnitStyle As String) As Variant
    Dim oController As Object, oCursor As Object, oFrame As Object, oDispatcher As Object, oText As Object
    Dim oTables As Object, aTables() As Object, aTops() As Long, oSwap As Object, nSwap As Long
    Dim nTables As Long, i As Long, j As Long, nSplits As Long, vSplits As Variant
    On Error GoTo Failed
    oController = oDoc.getCurrentController()
    oCursor = oController.getViewCursor()
    oFrame = oController.getFrame()
    oText = oDoc.getText()
    REM  All tables are taken before the first split, after which the table
    REM  collection is confused too, and put in document order by where they
    REM  are (the collection's order is not the document's; tables do not
    REM  overlap, so any line of one will do, as its first row may be found on
    REM  any page the heading is repeated on).
    oTables = oDoc.getTextTables()
    For i = 0 To oTables.getCount() - 1
        ReDim Preserve aTables(nTables)
        ReDim Preserve aTops(nTables)
        aTables(nTables) = oTables.getByIndex(i)
        oCursor.gotoRange(aTables(nTables).getCellByName("A1").getStart(), False)
        aTops(nTables) = oCursor.getPosition().Y
        nTables = nTables + 1
    Next i
    For i = 1 To nTables - 1
        j = i
        Do While j > 0
            If aTops(j - 1) <= aTops(j) Then Exit Do
            nSwap = aTops(j) : aTops(j) = aTops(j - 1) : aTops(j - 1) = nSwap
            oSwap = aTables(j) : aTables(j) = aTables(j - 1) : aTables(j - 1) = oSwap
            j = j - 1
        Loop
    Next i
    oDispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
    For i = 0 To nTables - 1
        vSplits = ContinueTable(oDoc, aTables(i), oCursor, oFrame, oDispatcher, sCaptionStyles, sUnitStyle)
        If VarType(vSplits) = V_STRING Then
            ContinueTables = vSplits
            Exit Function
        End If
        nSplits = nSplits + vSplits
    Next i
    ContinueTables = nSplits
    Exit Function
Failed:
    ContinueTables = "Basic error " & Err & " at line " & Erl & ": " & Error$
End Function

Function IsCaptionStyle(sStyle As String, sCaptionStyles As String) As Boolean
    IsCaptionStyle = sStyle <> "" And InStr("|" & sCaptionStyles & "|", "|" & sStyle & "|") > 0
End Function

REM  "表1　名称" → "表1"; the number of a caption is up to its title.
Function CaptionNumber(sCaption As String) As String
    Dim nEnd As Long
    nEnd = InStr(sCaption, Chr(&H3000))
    If nEnd = 0 Then nEnd = InStr(sCaption, " ")
    If nEnd = 0 Then CaptionNumber = sCaption Else CaptionNumber = Left(sCaption, nEnd - 1)
End Function

REM  Splits one table where it breaks; returns the splits made. Each row is
REM  kept as a text range at the start of its first cell, taken before the
REM  first split: it stays where it is when LibreOffice moves the rows into a
REM  new part, whose own UNO object is out of reach. The first row of a part
REM  on a later page is found by bisection, as a page is known only by moving
REM  the view cursor there, which after each split lays pages out again.
Function ContinueTable(oDoc As Object, oTable As Object, oCursor As Object, oFrame As Object, oDispatcher As Object, _
                       sCaptionStyles As String, sUnitStyle As String) As Variant
    Dim aNames() As String, aRows() As Variant, aPages() As Long, aRowOf() As Long
    Dim nSplits As Long, nHeader As Long, nRows As Long, nRow As Long, nStart As Long, nStartPage As Long
    Dim nLow As Long, nHigh As Long, nMiddle As Long, j As Long, sName As String, bLastRead As Boolean
    Dim oText As Object, oCaption As Object, oParagraph As Object, oController As Object, oHeading As Object
    Dim sHeadingEnd As String, sHeadingColumn As String, sWidest As String, sColumn As String
    Dim sNumber As String, sCaptionStyle As String, sUnit As String, sLast As String, sFirst As String
    Dim aSplitArgs(0) As New com.sun.star.beans.PropertyValue
    On Error GoTo Failed
    ContinueTable = 0
    oText = oDoc.getText()
    If oTable.RepeatHeadline Then nHeader = oTable.HeaderRowCount
    aNames = oTable.getCellNames()
    If UBound(aNames) < 0 Then Exit Function
    REM  Pages are read at the body rows only: the view cursor sent to a heading
    REM  row may land on any page it is repeated on. Most tables fit on their
    REM  page, which the first body row and the last cell tell (the names come
    REM  row by row); reading every name, below, costs Basic more than the rest
    REM  of a table that does not break (0.2-0.4 s over the benchmark's 70).
    nRows = oTable.getRows().getCount()
    If nRows < nHeader + 2 Then Exit Function
    For j = 0 To UBound(aNames)
        nRow = CellRow(aNames(j))
        If nRow < 0 Or nRow > nHeader Then Exit For
        If nRow = nHeader Then
            sFirst = aNames(j)
            Exit For
        End If
    Next j
    If sFirst = "" Then Exit Function
    oCursor.gotoRange(oTable.getCellByName(sFirst).getStart(), False)
    nStartPage = oCursor.getPage()
    sLast = aNames(UBound(aNames))
    bLastRead = CellRow(sLast) = nRows - 1
    If bLastRead Then
        oCursor.gotoRange(oTable.getCellByName(sLast).getEnd(), False)
        If oCursor.getPage() = nStartPage Then Exit Function
    End If
    REM  The rows, from the cell names. A table whose cells LibreOffice split
    REM  further ("A1.1.1") is left as it is.
    nRows = 0
    ReDim aRowOf(UBound(aNames)) As Long
    For j = 0 To UBound(aNames)
        sName = aNames(j)
        nRow = CellRow(sName)
        If nRow < 0 Then Exit Function
        sColumn = Left(sName, Len(sName) - Len(CStr(nRow + 1)))
        aRowOf(j) = nRow
        If nRow + 1 > nRows Then
            nRows = nRow + 1
            sLast = sName
        End If
        REM  The heading's last cell, its column and the heading's widest one.
        If nRow = nHeader - 1 Then
            sHeadingEnd = sName
            sHeadingColumn = sColumn
        End If
        If nRow < nHeader Then
            If Len(sColumn) > Len(sWidest) Or (Len(sColumn) = Len(sWidest) And sColumn > sWidest) Then sWidest = sColumn
        End If
    Next j
    If nRows < nHeader + 2 Then Exit Function
    REM  .uno:SplitTable copies a table's first row as the new part's heading
    REM  (SplitTable_HeadlineOption 2), never more, and cuts the cells merged
    REM  down from it. A heading of several rows is copied as a table of its
    REM  own (its merged cells and rules with it), pasted above each new part;
    REM  pasting the rows into the part instead gives them the part's columns.
    REM  The selection must span the heading: a last heading row narrower
    REM  than one above it (A2 under A1…D1) is left to LibreOffice, which
    REM  repeats the heading without the continued caption.
    If nHeader > 1 And sHeadingColumn <> sWidest Then Exit Function
    aSplitArgs(0).Name = "Type"
    aSplitArgs(0).Value = IIf(nHeader = 1, 2, 0)
    REM  The check above, with the last row as read from every name, when the
    REM  last cell listed was not in it.
    If Not bLastRead Then
        oCursor.gotoRange(oTable.getCellByName(sLast).getEnd(), False)
        If oCursor.getPage() = nStartPage Then Exit Function
    End If
    REM  The caption: up from the first body row, through the heading, into
    REM  the body text; the paragraph there, or the one before it when that is
    REM  the unit line.
    oCursor.gotoRange(oTable.getCellByName(sFirst).getStart(), False)
    For j = 1 To 200
        If Not oCursor.goUp(1, False) Then Exit Function
        If Not InTable(oCursor, oText) Then Exit For
    Next j
    If InTable(oCursor, oText) Then Exit Function
    oParagraph = ParagraphAt(oText, oCursor.getStart())
    If oParagraph.ParaStyleName = sUnitStyle Then
        sUnit = oParagraph.getString()
        If Not oCursor.goUp(1, False) Then Exit Function
        If InTable(oCursor, oText) Then Exit Function
        oParagraph = ParagraphAt(oText, oCursor.getStart())
    End If
    If Not IsCaptionStyle(oParagraph.ParaStyleName, sCaptionStyles) Then Exit Function
    sCaptionStyle = oParagraph.ParaStyleName
    sNumber = CaptionNumber(oParagraph.getString())
    If nHeader > 1 Then
        oController = oDoc.getCurrentController()
        If Not oController.select(oTable.getCellRangeByName("A1:" & sHeadingEnd)) Then Exit Function
        oHeading = oController.getTransferable()
    End If
    ReDim aRows(nRows - 1)
    ReDim aPages(nRows - 1)
    For j = 0 To UBound(aNames)
        If IsEmpty(aRows(aRowOf(j))) Then aRows(aRowOf(j)) = oTable.getCellByName(aNames(j)).getStart()
    Next j
    nStart = nHeader
    Do While nStart < nRows - 1
        For j = 0 To nRows - 1
            aPages(j) = 0
        Next j
        If RangePage(oCursor, aRows, aPages, nRows - 1) <= nStartPage Then Exit Do
        REM  The first row after nStart on a later page than the part's start.
        nLow = nStart
        nHigh = nRows - 1
        Do While nHigh - nLow > 1
            nMiddle = (nLow + nHigh) \ 2
            If RangePage(oCursor, aRows, aPages, nMiddle) > nStartPage Then nHigh = nMiddle Else nLow = nMiddle
        Loop
        If RangePage(oCursor, aRows, aPages, nLow) > nStartPage Then
            REM  The part's first body row is on a later page already (its
            REM  heading was left at a page's foot): nothing to split.
            nStartPage = RangePage(oCursor, aRows, aPages, nLow)
        Else
            REM  Each later page gets the pasted heading; a part made from a
            REM  table that repeats its heading would repeat its own first rows
            REM  on a page it ran on to. Turned off at the split, not before:
            REM  until then LibreOffice keeps the heading with the first body row.
            If nHeader > 1 Then oTable.RepeatHeadline = False
            oCursor.gotoRange(aRows(nHigh), False)
            oDispatcher.executeDispatch(oFrame, ".uno:SplitTable", "", 0, aSplitArgs())
            nSplits = nSplits + 1
            REM  Down from the last row of the part above and out of it: the
            REM  paragraph the split put between the parts.
            oCursor.gotoRange(aRows(nHigh - 1), False)
            Do
                If Not oCursor.goDown(1, False) Then Exit Do
                If Not InTable(oCursor, oText) Then Exit Do
            Loop
            oCaption = oText.createTextCursorByRange(oCursor.getStart())
            If nHeader > 1 Then PasteHeading(oController, oHeading, oCursor, oText, aRows(nHigh))
            oCaption.ParaStyleName = sCaptionStyle
            oText.insertString(oCaption, sNumber & "（续）", False)
            If sUnit <> "" Then
                oText.insertControlCharacter(oCaption, com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK, False)
                oCaption.ParaStyleName = sUnitStyle
                oCaption.ParaAdjust = com.sun.star.style.ParagraphAdjust.RIGHT
                oCaption.ParaKeepTogether = True
                oText.insertString(oCaption, sUnit, False)
            End If
            oCursor.gotoRange(oCaption, False)
            nStartPage = oCursor.getPage()
            nStart = nHigh
        End If
    Loop
    ContinueTable = nSplits
    Exit Function
Failed:
    ContinueTable = "Basic error " & Err & " at line " & Erl & ": " & Error$
End Function

REM  Pastes the heading copied from the table (oHeading) at the view cursor, in
REM  the empty paragraph between two parts. LibreOffice puts the pasted table
REM  before it and a new paragraph after it, between the heading and the
REM  part's first row (oFirstRow): that one is made too small to see, and
REM  kept with the part.
Sub PasteHeading(oController As Object, oHeading As Object, oCursor As Object, oText As Object, oFirstRow As Object)
    Dim oGap As Object, aSpacing As New com.sun.star.style.LineSpacing
    oController.insertTransferable(oHeading)
    oCursor.gotoRange(oFirstRow, False)
    If Not oCursor.goUp(1, False) Then Exit Sub
    If InTable(oCursor, oText) Then Exit Sub
    oGap = ParagraphAt(oText, oCursor.getStart())
    If oGap.getString() <> "" Then Exit Sub
    oGap.ParaTopMargin = 0
    oGap.ParaBottomMargin = 0
    oGap.CharHeight = 1
    oGap.CharHeightAsian = 1
    oGap.CharHeightComplex = 1
    REM  Off the document grid, whose pitch would be its least height.
    oGap.SnapToGrid = False
    aSpacing.Mode = com.sun.star.style.LineSpacingMode.FIX
    aSpacing.Height = 2
    oGap.ParaLineSpacing = aSpacing
    oGap.ParaKeepTogether = True
End Sub

REM  A text cursor over the whole paragraph that holds oRange.
Function ParagraphAt(oText As Object, oRange As Object) As Object
    Dim oParagraph As Object
    oParagraph = oText.createTextCursorByRange(oRange)
    oParagraph.gotoStartOfParagraph(False)
    oParagraph.gotoEndOfParagraph(True)
    ParagraphAt = oParagraph
End Function

REM  The row of a cell from its name, from 0 ("C12" is row 11), or -1 for a
REM  cell LibreOffice split further ("A1.1.1").
Function CellRow(sName As String) As Long
    Dim k As Long
    If InStr(sName, ".") > 0 Then
        CellRow = -1
        Exit Function
    End If
    k = 1
    Do While k < Len(sName) And Mid(sName, k, 1) > "9"
        k = k + 1
    Loop
    CellRow = CLng(Mid(sName, k)) - 1
End Function

REM  The page row nRow begins on, remembered in aPages (0: not read since the
REM  last split). A row's cells all begin on its page (rows do not break,
REM  w:cantSplit) and a merged cell is listed only in the row it begins in, so
REM  the first cell listed in the row tells.
Function RangePage(oCursor As Object, aRows As Variant, aPages() As Long, nRow As Long) As Long
    If aPages(nRow) = 0 Then
        oCursor.gotoRange(aRows(nRow), False)
        aPages(nRow) = oCursor.getPage()
    End If
    RangePage = aPages(nRow)
End Function

REM  Whether the view cursor is in a table's cell rather than in the body
REM  text, which is where a walk down out of a table arrives.
Function InTable(oCursor As Object, oBody As Object) As Boolean
    InTable = Not EqualUnoObjects(oCursor.getStart().getText(), oBody)
End Function
