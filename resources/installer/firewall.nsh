; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; The hall host serves terminals on the LAN on TCP 8620 (the default port; a hall that picks another
; port in the set-up screen opens it itself, README "Desktop app"). The rule is added per machine on
; install and removed on uninstall; an existing rule of the same name is replaced, not doubled.

!define HALL_FIREWALL_RULE "Township Service Hall (TCP 8620)"

!macro customInstall
  nsExec::Exec 'netsh advfirewall firewall delete rule name="${HALL_FIREWALL_RULE}"'
  Pop $0
  nsExec::Exec 'netsh advfirewall firewall add rule name="${HALL_FIREWALL_RULE}" dir=in action=allow protocol=TCP localport=8620 profile=domain,private program="$INSTDIR\township-service-hall.exe"'
  Pop $0
!macroend

!macro customUnInstall
  nsExec::Exec 'netsh advfirewall firewall delete rule name="${HALL_FIREWALL_RULE}"'
  Pop $0
!macroend
