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

REM  Fills the 目次 (and any other index) and refreshes the fields. The TOC can
REM  itself move pages, so it is updated again when the page count changed
REM  (toolchain notes 5.3). Returns the passes made.
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
        oDoc.getTextFields().refresh()
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
